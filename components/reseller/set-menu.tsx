"use client";

import { useState } from "react";
import { Card } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { SignupWebhookForm } from "./signup-webhook-form";

const FEATURES = [{ value: "signup-webhook", label: "Signup Webhook" }] as const;

/** White Label → Set Menu: storefront features, chosen from the Feature dropdown. */
export function SetMenu() {
  const [feature, setFeature] = useState<string>("");
  return (
    <Card title="Set Menu" description="Configure storefront features.">
      <div className="max-w-xs">
        <SelectField label="Feature" value={feature} onChange={(e) => setFeature(e.target.value)}>
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
