// @vitest-environment jsdom
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { expect, test, vi } from "vitest";
import { SearchBox } from "./search-box";

function Harness({ onSearch }: { onSearch: (q: string) => void }) {
  const [q, setQ] = useState("");
  return (
    <>
      <SearchBox
        label="Find a message"
        value={q}
        onSearch={(v) => {
          onSearch(v);
          setQ(v);
        }}
      />
      <button type="button" onClick={() => setQ("")}>
        Clear
      </button>
    </>
  );
}

test("searches once typing pauses (or on Enter), trimmed; a value cleared outside is shown", async () => {
  const user = userEvent.setup();
  const onSearch = vi.fn();
  render(<Harness onSearch={onSearch} />);
  const input = screen.getByLabelText("Find a message");
  await user.type(input, " 81934341034091431 ");
  await waitFor(() => expect(onSearch).toHaveBeenCalledWith("81934341034091431"));
  expect(onSearch).toHaveBeenCalledTimes(1);
  expect(input).toHaveValue(" 81934341034091431 ");

  await user.clear(input);
  await user.type(input, "+919876500001{Enter}");
  expect(onSearch).toHaveBeenLastCalledWith("+919876500001");

  await user.click(screen.getByRole("button", { name: "Clear" }));
  expect(input).toHaveValue("");
});
