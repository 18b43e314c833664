import { describe, expect, it } from 'vitest';
import { isGoogleClientId, resolveGoogleClient } from '../../src/google/client-id.ts';

const HOST = '111111111111-hostclient0abcdefghijklmnopqrstu.apps.googleusercontent.com';
const BUILD = '222222222222-buildclient0abcdefghijklmnopqrst.apps.googleusercontent.com';
const TYPED = '333333333333-typedclient0abcdefghijklmnopqrst.apps.googleusercontent.com';

describe('resolveGoogleClient', () => {
  it('takes the provisioning file first, then the environment, then what was typed', () => {
    const env = { BALUCHON_GOOGLE_CLIENT_ID: BUILD, BALUCHON_GOOGLE_CLIENT_SECRET: 'GOCSPX-b' };
    const provisioning = { clientId: HOST, clientSecret: 'GOCSPX-host' };
    const typed = { clientId: TYPED };
    expect(resolveGoogleClient({ provisioning, env, typed })).toEqual({
      clientId: HOST,
      clientSecret: 'GOCSPX-host',
      from: 'provisioning',
    });
    expect(resolveGoogleClient({ provisioning: null, env, typed })).toEqual({
      clientId: BUILD,
      clientSecret: 'GOCSPX-b',
      from: 'environment',
    });
    expect(resolveGoogleClient({ env: {}, typed })).toEqual({
      clientId: TYPED,
      clientSecret: null,
      from: 'typed',
    });
  });

  it('is null when none is known: the live way is hidden', () => {
    expect(resolveGoogleClient({ env: { BALUCHON_GOOGLE_CLIENT_ID: '' } })).toBeNull();
  });

  it('trims a pasted id, and skips one of the wrong shape for the next place', () => {
    expect(
      resolveGoogleClient({
        env: { BALUCHON_GOOGLE_CLIENT_ID: 'my-client' },
        typed: { clientId: ` ${TYPED}\n`, clientSecret: '  ' },
      }),
    ).toEqual({ clientId: TYPED, clientSecret: null, from: 'typed' });
  });

  it('refuses a secret with spaces or control characters (a paste gone wrong)', () => {
    expect(
      resolveGoogleClient({ env: {}, typed: { clientId: TYPED, clientSecret: 'GOCSPX a b' } }),
    ).toBeNull();
  });
});

describe('isGoogleClientId', () => {
  it.each([
    [HOST, true],
    ['123456789012-abc.apps.googleusercontent.com', false],
    ['123456789012-ABCDEFGHIJKL.apps.googleusercontent.com', false],
    ['abc-abcdefghijkl.apps.googleusercontent.com', false],
    ['123456789012-abcdefghijkl.apps.googleusercontent.com.evil.example', false],
    ['123456789012-abcdefghijkl.googleusercontent.com', false],
  ])('%s → %s', (text, expected) => {
    expect(isGoogleClientId(text)).toBe(expected);
  });
});
