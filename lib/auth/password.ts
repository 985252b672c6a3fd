// Password hashing with bcrypt (bcryptjs: pure JS, no native build step on a fresh machine).
import bcrypt from "bcryptjs";

const COST = 10;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

/** A real hash to compare against when the account doesn't exist, so timing doesn't reveal which emails exist. */
export const DUMMY_HASH = bcrypt.hashSync("not-a-real-password", COST);
