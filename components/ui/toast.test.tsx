// @vitest-environment jsdom
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, test } from "vitest";
import { CopyButton } from "./copy-button";
import { toast, Toaster } from "./toast";

test("toasts appear in one live region even with two Toasters mounted, and can be dismissed", async () => {
  const user = userEvent.setup();
  render(
    <>
      <Toaster />
      <Toaster />
    </>,
  );
  expect(screen.getAllByRole("region", { name: "Notifications" })).toHaveLength(1);
  act(() => {
    toast.success("Webhook deleted", "https://example.com/hook");
    toast.error("Could not delete");
  });
  expect(screen.getByRole("status")).toHaveTextContent("Webhook deleted");
  expect(screen.getByRole("status")).toHaveTextContent("https://example.com/hook");
  expect(screen.getByRole("alert")).toHaveTextContent("Could not delete");
  const [first] = screen.getAllByRole("button", { name: "Dismiss notification" });
  await user.click(first!);
  expect(screen.queryByText("Webhook deleted")).toBeNull();
  expect(screen.getByText("Could not delete")).toBeInTheDocument();
});

test("the copy button copies and says so", async () => {
  const user = userEvent.setup();
  render(<CopyButton value="whsec_abc" label="Copy secret" />);
  await user.click(screen.getByRole("button", { name: /Copy secret/ }));
  expect(await navigator.clipboard.readText()).toBe("whsec_abc");
  expect(screen.getByRole("button")).toHaveTextContent("Copied");
});
