import { zodResolver } from "@hookform/resolvers/zod";
import { get, set, type FieldErrors, type Resolver } from "react-hook-form";
import { validateEndpointConfig, type EndpointConfigInput } from "@/server/endpoints/validate-endpoint-config";
import {
  defaultEventTypes,
  defaultParamMap,
  endpointInputSchema,
  type EndpointData,
  type EndpointInput,
} from "./contract";

const base = zodResolver(endpointInputSchema);

/**
 * The shared schema, plus its cross-field rules (unique parameter names, XML names, WABA number…)
 * even when a field is invalid: zod skips those rules until every field parses, and the form
 * should show every problem at once.
 */
export const endpointResolver: Resolver<EndpointInput, unknown, EndpointData> = async (values, context, options) => {
  const result = await base(values, context, options);
  if (Object.keys(result.errors).length === 0) return result;
  try {
    const product = values.product;
    const reportType = values.reportType;
    const config = {
      ...values,
      url: values.url ?? "",
      payloadFormat: values.payloadFormat ?? "mapped",
      eventTypes: values.eventTypes ?? defaultEventTypes(product, reportType),
      paramMap: {
        ...defaultParamMap(product, reportType),
        ...Object.fromEntries(Object.entries(values.paramMap ?? {}).map(([k, v]) => [k, (v ?? "").trim()])),
      },
      customParams: (values.customParams ?? []).map((p) => ({ key: (p.key ?? "").trim(), value: p.value ?? "" })),
      customHeaders: (values.customHeaders ?? []).map((h) => ({ name: (h.name ?? "").trim(), value: h.value ?? "" })),
      timeoutMs: values.timeoutMs ?? 5000,
    } as EndpointConfigInput;
    const errors = result.errors as FieldErrors<EndpointInput>;
    for (const issue of validateEndpointConfig(config)) {
      const path = issue.path.join(".");
      if (!get(errors, path)) set(errors, path, { type: "custom", message: issue.message });
    }
  } catch {
    // Best effort: the zod errors alone are still shown.
  }
  return result;
};
