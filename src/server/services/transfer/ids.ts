import { createHash } from "node:crypto";
import { z } from "zod";

const uuid = z.uuid();

/**
 * The slice id an externalId stands for: itself when it is a UUID (exports carry slice ids),
 * otherwise a name-based UUID (version 5 layout over SHA-256) of it, so the same spreadsheet row
 * always lands on the same slice and importing it twice changes nothing.
 */
export function sliceIdFor(externalId: string): string {
  if (uuid.safeParse(externalId).success) return externalId.toLowerCase();
  const bytes = createHash("sha256").update(`rigshare:slice:${externalId}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
