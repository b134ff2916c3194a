// @vitest-environment jsdom
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { expect, test, vi } from "vitest";
import { ConfirmDialog, Dialog } from "./dialog";

function Harness({ dismissible = true }: { dismissible?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button onClick={() => setOpen(true)}>Open</button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Settings"
        description="Change things"
        dismissible={dismissible}
        footer={<button onClick={() => setOpen(false)}>Done</button>}
      >
        <input aria-label="First" />
        <input aria-label="Second" />
      </Dialog>
    </>
  );
}

test("a dialog is labelled, takes focus, traps Tab, closes on Escape and returns focus", async () => {
  const user = userEvent.setup();
  render(<Harness />);
  await user.click(screen.getByRole("button", { name: "Open" }));
  const dialog = screen.getByRole("dialog", { name: "Settings" });
  expect(dialog).toHaveAttribute("aria-modal", "true");
  expect(dialog).toHaveAccessibleDescription("Change things");
  expect(screen.getByLabelText("First")).toHaveFocus();
  await user.tab();
  expect(screen.getByLabelText("Second")).toHaveFocus();
  await user.tab();
  expect(screen.getByRole("button", { name: "Done" })).toHaveFocus();
  await user.tab();
  expect(screen.getByRole("button", { name: "Close" })).toHaveFocus();
  await user.tab();
  expect(screen.getByLabelText("First")).toHaveFocus();
  await user.tab({ shift: true });
  expect(screen.getByRole("button", { name: "Close" })).toHaveFocus();
  await user.keyboard("{Escape}");
  expect(screen.queryByRole("dialog")).toBeNull();
  expect(screen.getByRole("button", { name: "Open" })).toHaveFocus();
});

test("a non-dismissible dialog ignores Escape", async () => {
  const user = userEvent.setup();
  render(<Harness dismissible={false} />);
  await user.click(screen.getByRole("button", { name: "Open" }));
  await user.keyboard("{Escape}");
  expect(screen.getByRole("dialog")).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Close" })).toBeNull();
  await user.click(screen.getByRole("button", { name: "Done" }));
  expect(screen.queryByRole("dialog")).toBeNull();
});

test("a confirm dialog focuses Cancel first and stays open when the action fails", async () => {
  const user = userEvent.setup();
  const onCancel = vi.fn();
  const onConfirm = vi.fn().mockRejectedValueOnce(new Error("nope")).mockResolvedValueOnce(undefined);
  render(
    <ConfirmDialog
      open
      onCancel={onCancel}
      onConfirm={onConfirm}
      title="Delete this webhook?"
      confirmLabel="Delete webhook"
      description="This cannot be undone."
    />,
  );
  const dialog = screen.getByRole("alertdialog", { name: "Delete this webhook?" });
  expect(dialog).toHaveAccessibleDescription("This cannot be undone.");
  expect(screen.getByRole("button", { name: "Cancel" })).toHaveFocus();
  await user.click(screen.getByRole("button", { name: "Delete webhook" }));
  await waitFor(() => expect(screen.getByRole("button", { name: "Delete webhook" })).not.toBeDisabled());
  expect(screen.getByRole("alertdialog")).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Delete webhook" }));
  expect(onConfirm).toHaveBeenCalledTimes(2);
  await user.click(screen.getByRole("button", { name: "Cancel" }));
  expect(onCancel).toHaveBeenCalled();
});
