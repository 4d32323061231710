import { hash, verify } from "@node-rs/argon2";

/** argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's minimum). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verified when the username does not exist, so that timing does not reveal which exist.
const DUMMY = "$argon2id$v=19$m=19456,t=2,p=1$siZbINEgChLuvmH7JyeLug$ioUaFzw7EhXVDmJq5XhDSKj6+4bntMFjyQLkYjqTUNE";

export async function verifyPassword(hashed: string | null, password: string): Promise<boolean> {
  try {
    const ok = await verify(hashed ?? DUMMY, password);
    return hashed !== null && ok;
  } catch {
    return false;
  }
}
