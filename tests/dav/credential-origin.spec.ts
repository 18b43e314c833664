// What "the same origin" admits for a password (src/dav/credential-origin.ts): scheme, host and
// port exactly, any path; the URL standard's spelling differences do not count.
import { describe, expect, it } from 'vitest';
import { isSameOrigin, originOf, requireSameOrigin } from '../../src/dav/credential-origin.ts';

const bound = originOf('https://cloud.example.org/remote.php/dav/');

describe('isSameOrigin', () => {
  it.each([
    'https://cloud.example.org/any/path/',
    'https://cloud.example.org:443/principals/anne/',
    'HTTPS://Cloud.Example.org/.well-known/caldav',
  ])('admits %s', (url) => {
    expect(isSameOrigin(bound, url)).toBe(true);
  });

  it.each([
    'http://cloud.example.org/', // http after https
    'https://cloud.example.org:8443/', // another port
    'https://dav.cloud.example.org/', // a subdomain
    'https://example.org/', // the parent domain
    'https://cloud.example.org.evil.test/', // a look-alike suffix
  ])('refuses %s', (url) => {
    expect(isSameOrigin(bound, url)).toBe(false);
  });
});

describe('requireSameOrigin', () => {
  it('throws dav.other-origin naming the other address', () => {
    expect(() => {
      requireSameOrigin(bound, 'http://cloud.example.org/x', 'PROPFIND');
    }).toThrow(expect.objectContaining({ code: 'dav.other-origin' }) as Error);
  });
});
