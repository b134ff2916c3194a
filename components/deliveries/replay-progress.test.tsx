// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import { expect, test } from "vitest";
import { ReplayProgress, type ReplayProgressData } from "./replay-progress";

const running: ReplayProgressData = {
  status: "running",
  total: 1000,
  done: 250,
  succeeded: 240,
  failed: 10,
  inProgress: 750,
  remaining: 1234,
  since: new Date("2026-11-28T10:00:00Z"),
};

test("running: done of total as a progress bar, the counts, and what the limit left out", () => {
  render(<ReplayProgress progress={running} />);
  const bar = screen.getByRole("progressbar", { name: "Replay progress" });
  expect(bar).toHaveAttribute("aria-valuenow", "250");
  expect(bar).toHaveAttribute("aria-valuemax", "1000");
  expect((bar.firstChild as HTMLElement).style.width).toBe("25%");
  expect(screen.getByText(/Replaying… · 250 of 1,000 done/)).toBeInTheDocument();
  expect(screen.getByText("Running")).toBeInTheDocument();
  expect(screen.getByText("240").parentElement).toHaveTextContent("240 succeeded");
  expect(screen.getByText("750").parentElement).toHaveTextContent("750 on their way");
  expect(screen.getByText(/1,234 more failed deliveries were left for another replay/)).toBeInTheDocument();
});

test("finished: full bar, final counts, no 'on their way'", () => {
  render(
    <ReplayProgress
      progress={{
        ...running,
        status: "finished",
        done: 1000,
        succeeded: 990,
        failed: 10,
        inProgress: 0,
        remaining: 0,
        finishedAt: new Date("2026-11-29T10:15:00Z"),
      }}
    />,
  );
  expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "1000");
  expect((screen.getByRole("progressbar").firstChild as HTMLElement).style.width).toBe("100%");
  expect(screen.getByText(/Replay finished · 1,000 of 1,000 done/)).toBeInTheDocument();
  expect(screen.getByText("Finished")).toBeInTheDocument();
  expect(screen.queryByText(/on their way/)).toBeNull();
  expect(screen.queryByText(/left for another replay/)).toBeNull();
  expect(screen.getByText(/failed again/)).toBeInTheDocument();
  expect(screen.getByText("Finished 2026-11-29 10:15:00 UTC.")).toBeInTheDocument();
});

test("an empty replay is complete at once", () => {
  render(
    <ReplayProgress
      progress={{
        ...running,
        status: "finished",
        total: 0,
        done: 0,
        succeeded: 0,
        failed: 0,
        inProgress: 0,
        remaining: 0,
      }}
    />,
  );
  expect((screen.getByRole("progressbar").firstChild as HTMLElement).style.width).toBe("100%");
});
