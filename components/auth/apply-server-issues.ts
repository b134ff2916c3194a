import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

type IssueCarrier = {
  data?: { issues?: { path: (string | number)[]; message: string }[] | null } | null;
  message?: string;
};

/**
 * Puts field issues from a tRPC error under their form fields; returns the message to show
 * at the top of the form when no field took it.
 */
export function applyServerIssues<T extends FieldValues>(
  err: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
): string | null {
  const e = err as IssueCarrier;
  let placed = 0;
  for (const issue of e?.data?.issues ?? []) {
    const name = issue.path.join(".");
    if (fields.some((f) => name === f || name.startsWith(`${f}.`))) {
      setError(name as Path<T>, { type: "server", message: issue.message });
      placed++;
    }
  }
  return placed ? null : (e?.message ?? "Something went wrong. Please try again.");
}
