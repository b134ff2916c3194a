import { newId } from "./ids";

/**
 * Logs an unexpected error under a fresh id and returns the id: clients get the id and a generic
 * message, never the error's text (which may hold SQL, parameters or hashes).
 */
export function logUnexpectedError(where: string, err: unknown): string {
  const id = newId("err");
  console.error(`[hookline] ${where} failed (error id ${id}):`, err);
  return id;
}

export const internalErrorMessage = (id: string) =>
  `Something went wrong on our side. If it keeps happening, contact support with error id ${id}.`;
