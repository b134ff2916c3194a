import { expect, test } from "vitest";
import { cachedSubscribers, forgetSubscribers, rememberSubscribers } from "./subscribers";

const entry = (id: string) => ({ list: [], fingerprint: id });

test("the cache keeps the 1,000 accounts used last: a read counts as a use, the least recent one goes", () => {
  for (let i = 0; i < 1_000; i++) rememberSubscribers(`acc_${i}`, entry(`fp_${i}`));
  expect(cachedSubscribers("acc_0")?.fingerprint).toBe("fp_0"); // acc_0 is now the most recent
  rememberSubscribers("acc_new", entry("fp_new"));

  expect(cachedSubscribers("acc_1")).toBeUndefined(); // the least recently used went
  expect(cachedSubscribers("acc_0")?.fingerprint).toBe("fp_0");
  expect(cachedSubscribers("acc_999")?.fingerprint).toBe("fp_999");
  expect(cachedSubscribers("acc_new")?.fingerprint).toBe("fp_new");

  rememberSubscribers("acc_0", entry("fp_0b")); // remembering again replaces
  expect(cachedSubscribers("acc_0")?.fingerprint).toBe("fp_0b");
  forgetSubscribers("acc_0");
  expect(cachedSubscribers("acc_0")).toBeUndefined();
});
