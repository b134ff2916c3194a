"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";

/**
 * Shows a new secret with copy; must be acknowledged. `revealable` secrets (an endpoint's signing
 * secret) can be shown again later and say so; the others (API keys) are shown this once only.
 */
export function SecretOnceDialog({
  open,
  title,
  secret,
  description,
  onDone,
  doneLabel = "I have saved it",
  revealable = false,
}: {
  open: boolean;
  title: string;
  secret: string;
  description: string;
  onDone: () => void;
  doneLabel?: string;
  revealable?: boolean;
}) {
  return (
    <Dialog
      open={open}
      onClose={onDone}
      dismissible={false}
      title={title}
      description={description}
      footer={
        <Button onClick={onDone} data-autofocus>
          {doneLabel}
        </Button>
      }
    >
      <div className="space-y-3">
        <div className="flex items-center gap-2">
          <code
            data-testid="secret-value"
            className="flex-1 rounded-md bg-slate-100 px-3 py-2 font-mono text-sm break-all text-slate-900 ring-1 ring-slate-200"
          >
            {secret}
          </code>
          <CopyButton value={secret} />
        </div>
        {revealable ? (
          <Alert tone="info">
            Copy it now, or reveal it again any time under Signing secret on the webhook&apos;s page.
          </Alert>
        ) : (
          <Alert tone="warning">This is the only time it is shown. Store it somewhere safe.</Alert>
        )}
      </div>
    </Dialog>
  );
}
