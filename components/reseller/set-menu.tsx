"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTRPC } from "@/components/trpc/react";
import { Card } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { SignupWebhookForm } from "./signup-webhook-form";

const FEATURES = [{ value: "signup-webhook", label: "Signup Webhook" }] as const;

/**
 * White Label → Set Menu: storefront features, chosen from the Feature dropdown. The choice is
 * kept in the URL (`?feature=`), and a configured Signup Webhook is shown without choosing again.
 */
export function SetMenu() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const { data: hook } = useSuspenseQuery(trpc.reseller.signupWebhook.queryOptions());
  const chosen = params.get("feature");
  const feature = chosen ?? (hook ? "signup-webhook" : "");
  const choose = (value: string) => {
    const next = new URLSearchParams(params.toString());
    next.set("feature", value);
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };
  return (
    <Card title="Set Menu" description="Configure storefront features.">
      <div className="max-w-xs">
        <SelectField label="Feature" value={feature} onChange={(e) => choose(e.target.value)}>
          <option value="">Choose a feature…</option>
          {FEATURES.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </SelectField>
      </div>
      {feature === "signup-webhook" && (
        <div className="mt-5 border-t border-slate-200 pt-5">
          <SignupWebhookForm />
        </div>
      )}
    </Card>
  );
}
