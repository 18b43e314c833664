import { describe, expect, it } from 'vitest';
import { checkRequest, sessionCookie } from '../../src/web/request-guard.ts';

const secret = 'A'.repeat(32);
const ok = {
  host: '127.0.0.1:8080',
  origin: undefined,
  secFetchSite: undefined,
  cookie: `other=1; baluchon-8080=${secret}`,
  path: '/',
};

describe('checkRequest', () => {
  it('lets the page in with the session cookie, our host and no origin', () => {
    expect(checkRequest(ok, 8080, secret)).toEqual({ ok: true, session: true });
    expect(checkRequest({ ...ok, host: 'localhost:8080' }, 8080, secret)).toMatchObject({
      ok: true,
    });
    expect(checkRequest({ ...ok, path: '/api/appInfo' }, 8080, secret)).toEqual({
      ok: true,
      session: true,
    });
  });

  it('accepts our own origin on API calls', () => {
    const request = { ...ok, origin: 'http://127.0.0.1:8080', secFetchSite: 'same-origin' };
    expect(checkRequest(request, 8080, secret)).toMatchObject({ ok: true });
  });

  it('lets a browser without the cookie reach the entry address only', () => {
    const without = { ...ok, cookie: undefined, secFetchSite: 'none' };
    expect(checkRequest({ ...without, path: '/enter' }, 8080, secret)).toEqual({
      ok: true,
      session: false,
    });
    expect(checkRequest(without, 8080, secret)).toMatchObject({ ok: false, reason: 'token' });
  });

  it('sets a cookie for this host only, out of scripts’ reach, never sent by another site', () => {
    const cookie = sessionCookie(8080, secret);
    expect(cookie).toBe(`baluchon-8080=${secret}; Path=/; HttpOnly; SameSite=Strict`);
    expect(cookie).not.toMatch(/Domain/i);
  });

  it.each([
    ['no cookie', { cookie: undefined }, 'token'],
    ['a wrong secret', { cookie: `baluchon-8080=${'B'.repeat(32)}` }, 'token'],
    ['a shorter secret', { cookie: `baluchon-8080=${secret.slice(1)}` }, 'token'],
    ['the cookie of another port', { cookie: `baluchon-9090=${secret}` }, 'token'],
    ['the secret in the path, as before', { cookie: undefined, path: `/${secret}/` }, 'token'],
    ['a rebinding host name', { host: 'evil.example:8080' }, 'host'],
    ['another port', { host: '127.0.0.1:9090' }, 'host'],
    ['no host', { host: undefined }, 'host'],
    ['a foreign origin', { origin: 'https://evil.example' }, 'origin'],
    ['a null origin', { origin: 'null' }, 'origin'],
    ['our host over https', { origin: 'https://127.0.0.1:8080' }, 'origin'],
    ['a cross-site fetch', { secFetchSite: 'cross-site' }, 'cross-site'],
    [
      'an entry started by another site',
      { cookie: undefined, path: '/enter', secFetchSite: 'cross-site' },
      'cross-site',
    ],
  ])('refuses %s', (_name, change, reason) => {
    expect(checkRequest({ ...ok, ...change }, 8080, secret)).toMatchObject({ ok: false, reason });
  });
});
