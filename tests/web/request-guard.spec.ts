import { describe, expect, it } from 'vitest';
import { checkRequest } from '../../src/web/request-guard.ts';

const token = 'A'.repeat(32);
const ok = {
  host: '127.0.0.1:8080',
  origin: undefined,
  secFetchSite: undefined,
  url: `/${token}/`,
};

describe('checkRequest', () => {
  it('lets the page in with the right token, host and no origin', () => {
    expect(checkRequest(ok, 8080, token)).toEqual({ ok: true, rest: '/' });
    expect(checkRequest({ ...ok, host: 'localhost:8080' }, 8080, token)).toMatchObject({
      ok: true,
    });
    expect(checkRequest({ ...ok, url: `/${token}/api/appInfo` }, 8080, token)).toEqual({
      ok: true,
      rest: '/api/appInfo',
    });
  });

  it('accepts our own origin on API calls', () => {
    const request = { ...ok, origin: 'http://127.0.0.1:8080', secFetchSite: 'same-origin' };
    expect(checkRequest(request, 8080, token)).toMatchObject({ ok: true });
  });

  it.each([
    ['no token', { url: '/' }, 'token'],
    ['a wrong token', { url: `/${'B'.repeat(32)}/` }, 'token'],
    ['a shorter token', { url: `/${token.slice(1)}/` }, 'token'],
    ['the token only in the query', { url: `/?token=${token}` }, 'token'],
    ['a rebinding host name', { host: 'evil.example:8080' }, 'host'],
    ['another port', { host: '127.0.0.1:9090' }, 'host'],
    ['no host', { host: undefined }, 'host'],
    ['a foreign origin', { origin: 'https://evil.example' }, 'origin'],
    ['a null origin', { origin: 'null' }, 'origin'],
    ['our host over https', { origin: 'https://127.0.0.1:8080' }, 'origin'],
    ['a cross-site fetch', { secFetchSite: 'cross-site' }, 'cross-site'],
  ])('refuses %s', (_name, change, reason) => {
    expect(checkRequest({ ...ok, ...change }, 8080, token)).toMatchObject({ ok: false, reason });
  });
});
