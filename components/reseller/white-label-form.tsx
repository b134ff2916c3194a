"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { applyServerIssues } from "@/components/auth/apply-server-issues";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { InputField } from "@/components/ui/field";
import { whiteLabelInputSchema, type WhiteLabelData, type WhiteLabelInput } from "@/server/white-label/schemas";
import { StorefrontPreview } from "./storefront-preview";

const FIELDS = ["brandName", "slug", "logoUrl", "primaryColor", "supportEmail"] as const;

export function WhiteLabelForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: current } = useSuspenseQuery(trpc.reseller.whiteLabel.queryOptions());
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const form = useForm<WhiteLabelInput, unknown, WhiteLabelData>({
    resolver: zodResolver(whiteLabelInputSchema),
    defaultValues: {
      brandName: current?.brandName ?? "",
      slug: current?.slug ?? "",
      logoUrl: current?.logoUrl ?? "",
      primaryColor: current?.primaryColor ?? "#2f6fed",
      supportEmail: current?.supportEmail ?? "",
    },
  });
  const save = useMutation(trpc.reseller.saveWhiteLabel.mutationOptions());
  const watched = useWatch({ control: form.control });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  const submit = form.handleSubmit(async (values) => {
    setStatus(null);
    try {
      const saved = await save.mutateAsync(values);
      await queryClient.invalidateQueries({ queryKey: trpc.reseller.whiteLabel.queryKey() });
      const moved = saved.reservedSlug;
      setStatus({
        tone: "success",
        text: moved
          ? `Storefront saved. Links to /r/${moved.slug}/sign-up redirect here until ${moved.until.toISOString().slice(0, 10)}; nobody else can take that slug until then.`
          : "Storefront saved.",
      });
    } catch (err) {
      const message = applyServerIssues(err, form.setError, FIELDS);
      if (message) setStatus({ tone: "error", text: message });
    }
  });

  const slug = watched.slug ?? "";
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <Card title="Brand" description="How your storefront looks to customers who sign up there.">
        <form onSubmit={submit} noValidate className="space-y-4">
          {status && <Alert tone={status.tone}>{status.text}</Alert>}
          <InputField label="Brand name" error={errors.brandName?.message} {...register("brandName")} />
          <InputField
            label="Slug"
            hint={
              <>
                Your pages: <code>/r/{slug || "your-slug"}/sign-up</code> and <code>/sign-in</code>. If you change the
                slug, the old one stays reserved for your storefront for 30 days and its links redirect to the new one.
              </>
            }
            error={errors.slug?.message}
            {...register("slug")}
          />
          <InputField
            label="Logo URL"
            placeholder="https://…/logo.png"
            error={errors.logoUrl?.message}
            {...register("logoUrl")}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <InputField
              label="Primary colour"
              placeholder="#0f766e"
              error={errors.primaryColor?.message}
              {...register("primaryColor")}
            />
            <InputField
              label="Support email"
              type="email"
              error={errors.supportEmail?.message}
              {...register("supportEmail")}
            />
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" loading={isSubmitting}>
              Save Changes
            </Button>
            {current && (
              <>
                <Link
                  href={`/r/${current.slug}/sign-up`}
                  target="_blank"
                  className="text-sm font-medium text-brand-600 hover:underline"
                >
                  Open sign-up page ↗
                </Link>
                <Link
                  href={`/r/${current.slug}/sign-in`}
                  target="_blank"
                  className="text-sm font-medium text-brand-600 hover:underline"
                >
                  Sign-in page ↗
                </Link>
              </>
            )}
          </div>
        </form>
      </Card>
      <div className="space-y-2">
        <p className="text-sm font-medium text-slate-700">Live preview</p>
        <StorefrontPreview
          slug={slug}
          brand={{
            brandName: watched.brandName ?? "",
            logoUrl: watched.logoUrl || null,
            primaryColor: /^#[0-9a-fA-F]{6}$/.test(watched.primaryColor ?? "") ? watched.primaryColor! : "#2f6fed",
            supportEmail: watched.supportEmail || null,
          }}
        />
      </div>
    </div>
  );
}
