// Password hashing: argon2id (RFC 9106) through @node-rs/argon2, which ships prebuilt binaries.
// Parameters follow OWASP's baseline for argon2id (19 MiB, 2 passes, 1 lane); the PHC string stores
// them, so raising them later still verifies old hashes.
import { hash, verify } from '@node-rs/argon2';
import { ValidationError } from '../model/errors.ts';

const ARGON2ID = 2; // @node-rs/argon2's Algorithm.Argon2id (a const enum, not importable under isolatedModules)
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 1024;

export function checkPasswordRules(password: string, field = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new ValidationError(field, `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH) throw new ValidationError(field, `must be at most ${MAX_PASSWORD_LENGTH} characters`);
}

export function hashPassword(password: string): Promise<string> {
  checkPasswordRules(password);
  return hash(password, OPTIONS);
}

export async function passwordMatches(phc: string | null, password: string): Promise<boolean> {
  if (!phc || password.length > MAX_PASSWORD_LENGTH) return false;
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}
