// @vitest-environment jsdom
import { fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, test, vi } from "vitest";
import { UtcTimeInput } from "./utc-time-input";

test("reports only complete UTC times (as URL values); a wrong one is flagged on leaving the field", async () => {
  const user = userEvent.setup();
  const onChange = vi.fn();
  render(<UtcTimeInput label="From" value="" onChange={onChange} />);
  const input = screen.getByLabelText("From");
  await user.type(input, "2026-11-29 10:1");
  expect(onChange).not.toHaveBeenCalled();
  await user.type(input, "5");
  expect(onChange).toHaveBeenLastCalledWith("2026-11-29T10:15");

  await user.clear(input);
  expect(onChange).toHaveBeenLastCalledWith("");
  await user.type(input, "11/29/2026");
  fireEvent.blur(input);
  expect(screen.getByRole("alert")).toHaveTextContent("Enter a time as YYYY-MM-DD HH:mm, UTC.");
});

test("shows a value from the URL in the typed format", () => {
  render(<UtcTimeInput label="To" value="2026-11-29T23:05" onChange={() => {}} />);
  expect(screen.getByLabelText("To")).toHaveValue("2026-11-29 23:05");
});
