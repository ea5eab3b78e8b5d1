import argon2 from 'argon2';

// OWASP's argon2id settings (19 MiB, 2 passes); tests may lower them through STEGVIS_ARGON2_FAST.
const options: Parameters<typeof argon2.hash>[1] = process.env.STEGVIS_ARGON2_FAST
  ? { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 }
  : { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, options);
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argon2.verify(hash, password).catch(() => false);
}

// Verifying against this when the user is unknown keeps the answer time the same as for a wrong password.
let dummyHash: Promise<string> | undefined;
export function dummyVerify(password: string): Promise<boolean> {
  dummyHash ??= hashPassword('no such user');
  return dummyHash.then((hash) => verifyPassword(hash, password)).then(() => false);
}
