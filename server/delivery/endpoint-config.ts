import type { EndpointConfig, PayloadFormat, SendMethod } from "./types";

/** Anything shaped like an endpoint: a stored row, a normalized draft, the form's partial values. */
export type EndpointConfigSource = {
  id?: string;
  url?: string;
  method?: SendMethod;
  payloadFormat?: PayloadFormat;
  paramMap?: Record<string, string | undefined>;
  customParams?: { key?: string; value?: string }[];
  customHeaders?: { name?: string; value?: string }[];
  timeoutMs?: number;
  maskPii?: boolean;
};

const DEFAULT_TIMEOUT_MS = 5000;

/**
 * The one builder of what the sender needs from an endpoint. Custom header values must already
 * be plaintext (decrypted, or as typed in a form); missing fields get the form's defaults.
 */
export function toEndpointConfig(src: EndpointConfigSource): EndpointConfig {
  return {
    id: src.id ?? "draft",
    url: src.url ?? "",
    method: src.method ?? "POST",
    payloadFormat: src.payloadFormat ?? "mapped",
    paramMap: Object.fromEntries(Object.entries(src.paramMap ?? {}).map(([k, v]) => [k, v ?? ""])),
    customParams: (src.customParams ?? []).map((p) => ({ key: p.key ?? "", value: p.value ?? "" })),
    customHeaders: (src.customHeaders ?? []).map((h) => ({ name: h.name ?? "", value: h.value ?? "" })),
    timeoutMs: src.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maskPii: src.maskPii ?? false,
  };
}
