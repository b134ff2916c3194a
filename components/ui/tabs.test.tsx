// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, test } from "vitest";
import { Tabs } from "./tabs";

test("tabs follow the WAI-ARIA pattern: one tab stop, arrow keys move and select", async () => {
  const user = userEvent.setup();
  render(
    <Tabs
      label="Preview"
      tabs={[
        { id: "body", label: "Body", content: <p>the body</p> },
        { id: "headers", label: "Headers", content: <p>the headers</p> },
        { id: "curl", label: "cURL", content: <p>the curl</p> },
      ]}
    />,
  );
  expect(screen.getByRole("tablist", { name: "Preview" })).toBeInTheDocument();
  const body = screen.getByRole("tab", { name: "Body" });
  expect(body).toHaveAttribute("aria-selected", "true");
  expect(screen.getByRole("tabpanel", { name: "Body" })).toHaveTextContent("the body");
  expect(screen.getByRole("tab", { name: "Headers" })).toHaveAttribute("tabindex", "-1");

  await user.click(body);
  await user.keyboard("{ArrowRight}");
  expect(screen.getByRole("tab", { name: "Headers" })).toHaveFocus();
  expect(screen.getByRole("tabpanel")).toHaveTextContent("the headers");
  await user.keyboard("{End}");
  expect(screen.getByRole("tab", { name: "cURL" })).toHaveAttribute("aria-selected", "true");
  await user.keyboard("{ArrowRight}");
  expect(screen.getByRole("tab", { name: "Body" })).toHaveFocus();
  await user.keyboard("{ArrowLeft}");
  expect(screen.getByRole("tabpanel")).toHaveTextContent("the curl");
});

test("controlled tabs report the choice and show what the caller selects", async () => {
  const user = userEvent.setup();
  const chosen: string[] = [];
  const tabs = [
    { id: "a", label: "A", content: "panel a" },
    { id: "b", label: "B", content: "panel b" },
  ];
  const { rerender } = render(<Tabs label="Sections" tabs={tabs} selected="a" onSelect={(id) => chosen.push(id)} />);
  await user.click(screen.getByRole("tab", { name: "B" }));
  expect(chosen).toEqual(["b"]);
  expect(screen.getByRole("tabpanel")).toHaveTextContent("panel a"); // the caller has not moved yet
  rerender(<Tabs label="Sections" tabs={tabs} selected="b" onSelect={(id) => chosen.push(id)} />);
  expect(screen.getByRole("tabpanel")).toHaveTextContent("panel b");
});
