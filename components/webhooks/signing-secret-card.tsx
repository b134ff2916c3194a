"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import { CodeBlock } from "./code-block";
import { formatDateTime } from "./labels";

const VERIFY_SNIPPET = `import { Webhook } from "standardwebhooks";

const wh = new Webhook(process.env.HOOKLINE_SIGNING_SECRET); // "whsec_…"
// payload: the raw request body (for GET: the query string without "?")
const verified = wh.verify(payload, {
  "webhook-id": req.headers["webhook-id"],
  "webhook-timestamp": req.headers["webhook-timestamp"],
  "webhook-signature": req.headers["webhook-signature"],
}); // throws if the signature or timestamp is wrong`;

/**
 * The endpoint's signing secret: hidden until revealed, copyable, rotatable. Rotation keeps the
 * old secret signing alongside the new one for 24 hours.
 */
export function SigningSecretCard({
  endpointId,
  previousSecretExpiresAt,
}: {
  endpointId: string;
  previousSecretExpiresAt?: Date | string | null;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rotate = useMutation(trpc.endpoints.rotateSecret.mutationOptions());
  const [secret, setSecret] = useState<string | null>(null);
  const [shown, setShown] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [revealing, setRevealing] = useState(false);
  const [oldUntil, setOldUntil] = useState<Date | string | null>(previousSecretExpiresAt ?? null);
  const [renderedAt] = useState(() => Date.now());

  const toggle = async () => {
    if (shown) return setShown(false);
    if (secret) return setShown(true);
    setRevealing(true);
    try {
      // Fetched on demand and not kept in the query cache.
      const result = await queryClient.fetchQuery({
        ...trpc.endpoints.revealSecret.queryOptions({ id: endpointId }),
        staleTime: 0,
        gcTime: 0,
      });
      setSecret(result.secret);
      setOldUntil(result.previousSecretExpiresAt);
      setShown(true);
    } catch (err) {
      toast.error("Could not reveal the secret", err instanceof Error ? err.message : undefined);
    } finally {
      setRevealing(false);
    }
  };

  const confirmRotate = async () => {
    const result = await rotate.mutateAsync({ id: endpointId });
    setSecret(result.secret);
    setShown(true);
    setOldUntil(result.previousSecretExpiresAt);
    setConfirming(false);
    toast.success("Signing secret rotated", "The previous secret keeps signing for 24 hours.");
  };

  const expired = oldUntil !== null && new Date(oldUntil).getTime() <= renderedAt;
  return (
    <Card
      title="Signing secret"
      description="Every request carries Standard Webhooks headers (webhook-id, webhook-timestamp, webhook-signature) signed with this secret. Verify them before trusting a payload."
    >
      <div className="flex flex-wrap items-center gap-2">
        <code
          data-testid="signing-secret"
          aria-label={shown ? "Signing secret" : "Signing secret (hidden)"}
          className="min-w-0 flex-1 break-all rounded-md bg-slate-100 px-3 py-2 font-mono text-sm text-slate-900 ring-1 ring-slate-200"
        >
          {shown && secret ? secret : "whsec_••••••••••••••••••••••••••••••••"}
        </code>
        <Button variant="secondary" size="sm" onClick={toggle} loading={revealing} aria-pressed={shown}>
          {shown ? "Hide" : "Reveal"}
        </Button>
        <CopyButton
          value={secret ?? ""}
          label="Copy"
          disabled={!secret}
          title={secret ? undefined : "Reveal the secret first"}
        />
        <Button variant="secondary" size="sm" onClick={() => setConfirming(true)}>
          Rotate…
        </Button>
      </div>
      {oldUntil && !expired && (
        <Alert tone="info" className="mt-3">
          The previous secret also signs every request until {formatDateTime(oldUntil)} (both signatures are sent in{" "}
          <code>webhook-signature</code>).
        </Alert>
      )}
      <details className="group mt-4">
        <summary className="cursor-pointer rounded text-sm font-medium text-brand-700 hover:underline">
          Verify signatures (Node.js)
        </summary>
        <CodeBlock label="Signature verification example" className="mt-2">
          {VERIFY_SNIPPET}
        </CodeBlock>
      </details>
      <ConfirmDialog
        open={confirming}
        onCancel={() => setConfirming(false)}
        onConfirm={confirmRotate}
        tone="primary"
        title="Rotate the signing secret?"
        confirmLabel="Rotate secret"
        description={
          <>
            A new secret is generated and used from now on. The old secret keeps signing alongside it for{" "}
            <strong>24 hours</strong>, so your server keeps verifying while you deploy the new one. After that, only the
            new secret signs.
          </>
        }
      />
    </Card>
  );
}
