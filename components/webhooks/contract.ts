// The form's view of the endpoints domain: one zod schema shared with tRPC and REST.
export { endpointInputSchema, type EndpointData, type EndpointInput } from "@/server/endpoints/schemas";
export { allowedEventTypes, defaultEventTypes, defaultParamMap, paramFieldsFor } from "@/server/endpoints/param-map";
