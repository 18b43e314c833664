import { describe, expect, it } from 'vitest';
import { createPkce, createState, s256 } from '../../../src/google/auth/pkce.ts';
import { emailOfIdToken } from '../../../src/google/auth/id-token.ts';

describe('PKCE', () => {
  it('computes S256 as RFC 7636 Appendix B does', () => {
    expect(s256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('makes a 64-character unreserved verifier and its challenge from the random bytes', () => {
    const random = (size: number): Uint8Array => new Uint8Array(size).map((_, i) => i * 37);
    const pkce = createPkce(random);
    expect(pkce.verifier).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(pkce.challenge).toBe(s256(pkce.verifier));
    expect(createState(random)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('emailOfIdToken', () => {
  const jwt = (claims: object): string =>
    `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

  it('reads the email claim', () => {
    expect(emailOfIdToken(jwt({ email: 'camille.dupont@gmail.com' }))).toBe(
      'camille.dupont@gmail.com',
    );
  });

  it.each([
    ['no token', undefined],
    ['no email claim', jwt({ sub: '1' })],
    ['an email that is not a string', jwt({ email: 42 })],
    ['a payload that is not JSON', 'e30.bm90IGpzb24.sig'],
    ['no payload', 'e30'],
  ])('is null for %s', (_, token) => {
    expect(emailOfIdToken(token)).toBeNull();
  });
});
