import Link from "next/link";
import { ApiReference } from "@/components/api-reference/api-reference";
import { PageHeader } from "@/components/ui/page-header";
import { headers } from "next/headers";
import { publicUrl } from "@/server/auth/public-url";
import { getOpenApiDocument } from "@/server/rest/openapi/get-openapi-document";

export const metadata = { title: "API reference" };

export default async function ApiReferencePage() {
  const doc = getOpenApiDocument();
  const baseUrl = publicUrl(await headers());
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            The REST API v1, generated from the same schemas the API validates with. Authenticate with an API key from{" "}
            <Link href="/settings/api-keys" className="font-medium text-brand-700 hover:underline">
              Settings → API keys
            </Link>{" "}
            as <code className="font-mono text-xs">Authorization: Bearer hk_live_…</code>. Errors are JSON{" "}
            <code className="font-mono text-xs">{`{ "error": { "code", "message", "issues"? } }`}</code>.
          </>
        }
        actions={
          <a
            href="/api/v1/openapi.json"
            download="hookline-openapi.json"
            className="inline-flex items-center justify-center gap-2 rounded-md bg-white px-3.5 py-2 text-sm font-medium text-slate-800 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
          >
            Download OpenAPI JSON
          </a>
        }
      />
      <ApiReference doc={doc} baseUrl={baseUrl} />
    </>
  );
}
