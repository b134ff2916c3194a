"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/react";
import { Card } from "@/components/ui/card";
import { SignupDeliveries } from "./signup-deliveries";
import { SignupWebhookForm } from "./signup-webhook-form";

export function SignupWebhookPage() {
  const trpc = useTRPC();
  const { data: hook } = useSuspenseQuery(trpc.reseller.signupWebhook.queryOptions());
  return (
    <div className="space-y-6">
      <Card title="Signup Webhook" description="Where every new signup on your storefront is sent.">
        <SignupWebhookForm />
      </Card>
      <section aria-labelledby="signup-log" className="space-y-3">
        <h2 id="signup-log" className="text-base font-semibold text-slate-900">
          Delivery log
        </h2>
        {hook ? (
          <SignupDeliveries endpointId={hook.id} />
        ) : (
          <p className="text-sm text-slate-500">Save a Signup Webhook to see its deliveries here.</p>
        )}
      </section>
    </div>
  );
}
