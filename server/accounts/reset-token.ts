import { createHash, randomBytes } from "node:crypto";

export const RESET_TOKEN_TTL_MINUTES = 30;

/** 32 random bytes, URL-safe: what the mailed link carries. */
export const newResetToken = () => randomBytes(32).toString("base64url");

/** What is stored and looked up: the link alone opens nothing in a leaked database. */
export const hashResetToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");
