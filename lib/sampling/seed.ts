import { randomBytes } from "node:crypto";

/**
 * A fresh random seed for the "generate" button: 128 bits from the operating system's
 * CSPRNG as 32 lowercase hex characters. Kept apart from the pure modules because it is a
 * source of randomness.
 */
export function generateSeed(): string {
  return randomBytes(16).toString("hex");
}
