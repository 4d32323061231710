import { hash, randomBytes } from "node:crypto";
import { personKey } from "@/lib/sampling/dedup";
import type { FrameRecord } from "@/lib/sampling/types";

/**
 * The stored identity of a person for deduplication (§5) without personal data:
 * "p" (same phone) or "n" (same name and address), then the lowercase hex SHA-256 of
 * `salt|identity`, where identity is lib/sampling's normalised phone or name/address.
 * The salt is a secret of the plan (Plan.personKeySalt): a bare hash of a phone number
 * could be reversed by hashing every possible number, a salted one cannot. Records of one
 * person get equal keys within a plan, so the draw deduplicates on the key alone and the
 * anonymised frame export lets a monitor re-run it.
 */
export function storedPersonKey(salt: string, record: Pick<FrameRecord, "phone" | "name" | "address">): string {
  const { reason, key } = personKey({ phone: record.phone, name: record.name, address: record.address });
  return (reason === "phone" ? "p" : "n") + hash("sha256", `${salt}|${key}`, "hex");
}

/** A new plan salt: 256 random bits as hex. */
export function newPersonKeySalt(): string {
  return randomBytes(32).toString("hex");
}

const STORED_KEY = /^[pn][0-9a-f]{64}$/;

export function isStoredPersonKey(s: string): boolean {
  return STORED_KEY.test(s);
}
