// PKCE (RFC 7636) with the S256 method, the one RFC 8252 §8.1 requires of installed apps: the
// code the browser brings back to the loopback is worthless to any other program on the computer
// without the verifier, which never leaves Baluchon until the token request.
import { createHash, randomBytes } from 'node:crypto';

/** Random bytes (node:crypto's in the product; fixed ones in tests). */
export type RandomBytes = (size: number) => Uint8Array;

export const cryptoRandom: RandomBytes = (size) => randomBytes(size);

export interface Pkce {
  /** 43 to 128 unreserved characters (RFC 7636 §4.1); 64 here, from 48 random bytes. */
  readonly verifier: string;
  /** BASE64URL(SHA256(ASCII(verifier))) (RFC 7636 §4.2). */
  readonly challenge: string;
}

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export function createPkce(random: RandomBytes): Pkce {
  const verifier = Buffer.from(random(48)).toString('base64url');
  return { verifier, challenge: s256(verifier) };
}

/** An unguessable `state` (RFC 6749 §10.12): 256 bits, URL-safe. */
export function createState(random: RandomBytes): string {
  return Buffer.from(random(32)).toString('base64url');
}
