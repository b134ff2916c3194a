// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, test } from "vitest";
import { DELIVERY_STATUSES } from "@/server/delivery/schemas";
import { buildOpenApiDocument } from "@/server/rest/openapi/build-openapi-document";
import { requestExamples } from "@/server/rest/openapi/request-examples";
import { ApiReference } from "./api-reference";
import { OperationCard } from "./operation-card";

const doc = buildOpenApiDocument();
const BASE = "https://hooks.example.com";

function renderOperation(method: "get" | "post" | "patch" | "delete", path: string) {
  const operation = doc.paths[path]![method]!;
  render(
    <OperationCard method={method} path={path} operation={operation} components={doc.components} baseUrl={BASE} />,
  );
  return screen.getByRole("article", { name: `${method.toUpperCase()} ${path}` });
}

test("an operation shows its method, path, body fields, responses and a copyable curl example", async () => {
  const card = renderOperation("post", "/api/v1/endpoints");
  expect(card.querySelector("header")).toHaveTextContent("POST/api/v1/endpoints");
  expect(within(card).getByRole("heading", { name: "Create an endpoint" })).toBeInTheDocument();

  const body = within(card).getByRole("table", { name: "POST /api/v1/endpoints request body" });
  const urlRow = within(body).getByText("url").closest("tr")!;
  expect(urlRow).toHaveTextContent("Required");
  expect(urlRow).toHaveTextContent("1–2048 characters");
  const timeoutRow = within(body).getByText("timeoutMs").closest("tr")!;
  expect(timeoutRow).toHaveTextContent("optional");
  expect(timeoutRow).toHaveTextContent("integer");
  expect(timeoutRow).toHaveTextContent("default 5000");
  // Nested array fields are flattened.
  expect(within(body).getByText("customHeaders[].name")).toBeInTheDocument();

  for (const status of ["201", "401", "422"]) expect(within(card).getByText(status)).toBeInTheDocument();

  const curl = within(card).getByLabelText("curl example for POST /api/v1/endpoints");
  expect(curl).toHaveTextContent(`curl -X POST "${BASE}/api/v1/endpoints"`);
  expect(curl).toHaveTextContent("Authorization: Bearer $HOOKLINE_API_KEY");
  expect(curl.textContent).toContain(JSON.stringify(requestExamples.createEndpoint, null, 2));

  const user = userEvent.setup();
  await user.click(within(card).getByRole("button", { name: "Copy curl example for POST /api/v1/endpoints" }));
  expect(await navigator.clipboard.readText()).toBe(curl.textContent);
});

test("the deliveries list shows its query parameters with the status values", () => {
  const card = renderOperation("get", "/api/v1/deliveries");
  const params = within(card).getByRole("table", { name: "GET /api/v1/deliveries parameters" });
  const status = within(params).getByText("?status").closest("tr")!;
  for (const s of DELIVERY_STATUSES) expect(status).toHaveTextContent(s);
  expect(within(card).getByLabelText("curl example for GET /api/v1/deliveries")).not.toHaveTextContent("Content-Type");
});

test("the events body lists one section per event type", () => {
  const card = renderOperation("post", "/api/v1/events");
  for (const name of ["SmsDlrEvent", "WhatsappDlrEvent", "WhatsappMoEvent", "SmsMoEvent", "LinkClickEvent"]) {
    expect(within(card).getAllByText(name, { selector: "summary, summary *" }).length).toBeGreaterThan(0);
  }
  expect(within(card).queryByText("UserSignupEvent")).toBeNull();
});

test("the reference groups every operation under its tag", () => {
  render(<ApiReference doc={doc} baseUrl={BASE} />);
  const operations = Object.values(doc.paths).flatMap((item) => Object.values(item));
  expect(screen.getAllByRole("article")).toHaveLength(operations.length);
  const deliveries = screen.getByRole("region", { name: "Deliveries" });
  expect(
    within(deliveries)
      .getAllByRole("article")
      .map((a) => a.getAttribute("aria-label")),
  ).toEqual(["GET /api/v1/deliveries", "GET /api/v1/deliveries/{id}", "POST /api/v1/deliveries/{id}/retry"]);
  expect(screen.getByRole("article", { name: "GET /api/v1/openapi.json" })).toHaveTextContent("No API key");
});
