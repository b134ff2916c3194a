// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import { expect, test } from "vitest";
import { HealthChart } from "./health-chart";

const label = (d: Date) => `${d.getUTCHours()}:00`;

test("renders a bar per bucket with succeeded and failed parts, and an accessible table", () => {
  const buckets = [
    { start: new Date("2026-11-22T10:00:00Z"), attempts: 4, succeeded: 3, failed: 1, p50Ms: 20, p95Ms: 80 },
    { start: new Date("2026-11-22T11:00:00Z"), attempts: 0, succeeded: 0, failed: 0, p50Ms: null, p95Ms: null },
    { start: new Date("2026-11-22T12:00:00Z"), attempts: 2, succeeded: 0, failed: 2, p50Ms: 5000, p95Ms: 5000 },
  ];
  const { container } = render(<HealthChart title="Attempts, last 24 hours" buckets={buckets} bucketLabel={label} />);
  expect(screen.getByRole("img", { name: "Attempts, last 24 hours: 6 attempts" })).toBeInTheDocument();
  expect(screen.getAllByTestId("health-bar")).toHaveLength(3);
  expect(container.querySelectorAll("rect.fill-emerald-500")).toHaveLength(1);
  expect(container.querySelectorAll("rect.fill-red-500")).toHaveLength(2);
  expect(container.querySelector("polyline")).not.toBeNull();
  expect(screen.getByText("p95 latency (max 5000 ms)")).toBeInTheDocument();
  expect(screen.getByText("10:00: 3 succeeded, 1 failed, p50 20 ms, p95 80 ms")).toBeInTheDocument();
  expect(screen.getAllByRole("row")).toHaveLength(3); // header + the two buckets with attempts
});

test("shows an empty state without attempts", () => {
  render(
    <HealthChart
      title="Attempts"
      buckets={[{ start: new Date(), attempts: 0, succeeded: 0, failed: 0, p50Ms: null, p95Ms: null }]}
      bucketLabel={label}
    />,
  );
  expect(screen.getByText("No delivery attempts in this period.")).toBeInTheDocument();
  expect(screen.queryByRole("img")).toBeNull();
});

test("buckets without latency (the Overview's sums) draw no p95 line and name none in the legend", () => {
  const buckets = [
    { start: new Date("2026-11-22T10:00:00Z"), attempts: 4, succeeded: 4, failed: 0, p50Ms: null, p95Ms: null },
  ];
  const { container } = render(<HealthChart title="Per hour" buckets={buckets} bucketLabel={label} />);
  expect(container.querySelector("polyline")).toBeNull();
  expect(screen.queryByText(/p95 latency/)).toBeNull();
  expect(screen.getAllByText("Succeeded").length).toBeGreaterThan(0);
});
