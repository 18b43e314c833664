// Throwaway users and the htpasswd file that lists them.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { UserSpec } from './dav-server.ts';

export interface Credentials {
  readonly name: string;
  readonly password: string;
}

// Names end up in URL paths, folder names and the htpasswd file (where `:` separates fields).
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The users asked for (one `alice` by default), each with a password (random when not given). */
export function makeCredentials(specs: readonly UserSpec[] | undefined): Credentials[] {
  const wanted = specs ?? [{ name: 'alice' }];
  if (wanted.length === 0) throw new Error('A test server needs at least one user.');
  const seen = new Set<string>();
  return wanted.map(({ name, password }) => {
    if (!SAFE_NAME.test(name))
      throw new Error(`Unsupported test user name: ${JSON.stringify(name)}`);
    if (seen.has(name)) throw new Error(`Test user ${name} is listed twice.`);
    seen.add(name);
    if (password !== undefined && /[\r\n]/.test(password)) {
      throw new Error('A test password cannot contain a line break.');
    }
    return { name, password: password ?? randomBytes(12).toString('base64url') };
  });
}

/**
 * Writes an htpasswd file with APR1-MD5 hashes, made by Apache's own `htpasswd` (apache2-utils).
 * APR1 is the one scheme both servers read: Apache, and Radicale 3.1.8 (`htpasswd_encryption =
 * md5`; it also reads `plain`, and `bcrypt` through passlib). Radicale checks the password on
 * every request without a cache, so bcrypt's deliberate slowness would tax every test request.
 */
export async function writeHtpasswd(path: string, users: readonly Credentials[]): Promise<void> {
  const lines = await Promise.all(users.map(hashLine));
  // Mode 0644: Apache checks passwords in its worker processes, which run as another user.
  await writeFile(path, lines.join(''), { mode: 0o644 });
}

function hashLine({ name, password }: Credentials): Promise<string> {
  return new Promise((resolve, reject) => {
    // -n: print instead of writing a file; -i: read the password on stdin (not in `ps`); -m: APR1.
    const child = spawn('htpasswd', ['-n', '-i', '-m', name], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', (error) => {
      reject(new Error(`Cannot run htpasswd (Debian package apache2-utils): ${error.message}`));
    });
    child.on('close', (code) => {
      const line = out.split('\n')[0] ?? '';
      if (code === 0 && line.startsWith(`${name}:$apr1$`)) resolve(`${line}\n`);
      else reject(new Error(`htpasswd failed (exit ${String(code)}): ${err.trim()}`));
    });
    child.stdin.end(password);
  });
}

/** The value of an `Authorization` header for HTTP Basic (RFC 7617). */
export function basicAuth({ name, password }: Credentials): string {
  return `Basic ${Buffer.from(`${name}:${password}`, 'utf8').toString('base64')}`;
}
