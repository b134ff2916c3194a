// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import { expect, test } from "vitest";
import { formatMs, formatRate, rateTone } from "./format-health";
import { LatencyChart } from "./latency-chart";
import { Sparkline } from "./sparkline";

const label = (d: Date) => `${d.getUTCHours()}:00`;
const bucket = (h: number, attempts: number, succeeded: number, p50: number | null, p95: number | null) => ({
  start: new Date(Date.UTC(2026, 10, 22, h)),
  attempts,
  succeeded,
  failed: attempts - succeeded,
  p50Ms: p50,
  p95Ms: p95,
});

test("the latency chart draws p50 and p95 through the buckets that have data, skipping empty ones", () => {
  render(
    <LatencyChart
      title="Response time"
      buckets={[bucket(10, 4, 4, 20, 80), bucket(11, 0, 0, null, null), bucket(12, 2, 0, 1500, 4000)]}
      bucketLabel={label}
    />,
  );
  expect(screen.getByRole("img", { name: "Response time: p95 up to 4.0 s" })).toBeInTheDocument();
  expect(screen.getByTestId("latency-p50").getAttribute("points")!.split(" ")).toHaveLength(2);
  expect(screen.getByTestId("latency-p95").getAttribute("points")!.split(" ")).toHaveLength(2);
  expect(screen.getByText("12:00: p50 1.5 s, p95 4.0 s")).toBeInTheDocument();
});

test("the latency chart says so when there is nothing to draw", () => {
  render(<LatencyChart title="Response time" buckets={[bucket(10, 0, 0, null, null)]} bucketLabel={label} />);
  expect(screen.getByText("No response times in this period.")).toBeInTheDocument();
  expect(screen.queryByRole("img")).toBeNull();
});

test("the sparkline stacks failed over succeeded and marks empty buckets", () => {
  const { container } = render(
    <Sparkline
      label="3 succeeded, 2 failed"
      buckets={[bucket(10, 3, 3, 10, 10), bucket(11, 0, 0, null, null), bucket(12, 2, 0, 10, 10)]}
    />,
  );
  expect(screen.getByRole("img", { name: "3 succeeded, 2 failed" })).toBeInTheDocument();
  expect(container.querySelectorAll("rect.fill-emerald-500")).toHaveLength(1);
  expect(container.querySelectorAll("rect.fill-red-500")).toHaveLength(1);
  expect(container.querySelectorAll("rect.fill-slate-200")).toHaveLength(1);
});

test("figures are formatted for people", () => {
  expect(formatRate(null)).toBe("—");
  expect(formatRate(1)).toBe("100%");
  expect(formatRate(2 / 3)).toBe("66.7%");
  expect(formatRate(0.25)).toBe("25%");
  expect(formatRate(0.9996)).toBe("99.9%");
  expect(formatMs(35)).toBe("35 ms");
  expect(formatMs(12_345)).toBe("12 s");
  expect(rateTone(0.995)).toBe("success");
  expect(rateTone(0.95)).toBe("warning");
  expect(rateTone(0.5)).toBe("danger");
});
