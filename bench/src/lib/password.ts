/** Password hashes in the format Baton's store keeps (`scrypt$N$r$p$salt$hash`, see collab-server auth/passwords.ts). */
import { randomBytes, scrypt } from 'node:crypto';

export function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const params = { N: 16384, r: 8, p: 1 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, 32, { ...params, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$')),
    ),
  );
}
