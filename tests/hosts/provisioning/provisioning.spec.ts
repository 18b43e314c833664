import { describe, expect, it } from 'vitest';
import {
  PROVISIONING_MAX_BYTES,
  provisioningLink,
  readProvisioning,
} from '../../../src/hosts/provisioning/provisioning.ts';

const valid = {
  baluchon: 'provisioning',
  version: 1,
  host: { name: 'La Mère Zaclys', website: 'https://www.zaclys.com/' },
  server: 'https://cloud.zaclys.example/',
  software: 'nextcloud',
  services: ['files', 'calendars', 'contacts'],
  login: 'browser',
  help: 'https://www.zaclys.com/aide/',
};
const text = (value: unknown): string => JSON.stringify(value);
const codeOf = (input: string): string => {
  try {
    readProvisioning(input);
    return 'accepted';
  } catch (error) {
    return (error as { code?: string }).code ?? 'thrown';
  }
};

describe('readProvisioning', () => {
  it('reads a valid file', () => {
    expect(readProvisioning(text(valid))).toEqual(valid);
  });

  it('reads a file with a byte order mark', () => {
    expect(readProvisioning(`\uFEFF${text(valid)}`).host.name).toBe('La Mère Zaclys');
  });

  it('defaults the login to an app password', () => {
    const rest: Partial<typeof valid> = { ...valid, software: 'radicale' };
    delete rest.login;
    expect(readProvisioning(text(rest)).login).toBe('app-password');
  });

  it('reads the link it writes', () => {
    const provisioning = readProvisioning(text(valid));
    const link = provisioningLink(provisioning);
    expect(link.startsWith('baluchon://provision?v=1&')).toBe(true);
    expect(readProvisioning(link)).toEqual(provisioning);
  });

  it.each([
    ['a version from the future', text({ ...valid, version: 2 }), 'hosts.provisioning-version'],
    ['a version as text', text({ ...valid, version: '1' }), 'hosts.provisioning-version'],
    [
      'an http server',
      text({ ...valid, server: 'http://cloud.example/' }),
      'hosts.provisioning-not-https',
    ],
    [
      'a javascript: help link',
      text({ ...valid, help: 'javascript:alert(1)' }),
      'hosts.provisioning-not-https',
    ],
    [
      'credentials in the server URL',
      text({ ...valid, server: 'https://bob:secret@cloud.example/' }),
      'hosts.provisioning-credentials',
    ],
    ['a password field', text({ ...valid, password: 'hunter2' }), 'hosts.provisioning-credentials'],
    [
      'an app token in the host',
      text({ ...valid, host: { ...valid.host, token: 'x' } }),
      'hosts.provisioning-credentials',
    ],
    ['an unknown field', text({ ...valid, colour: 'blue' }), 'hosts.provisioning-unknown-field'],
    [
      'a query string in the server',
      text({ ...valid, server: 'https://cloud.example/?user=bob' }),
      'hosts.provisioning-invalid',
    ],
    ['an unknown software', text({ ...valid, software: 'gdrive' }), 'hosts.provisioning-invalid'],
    ['no services', text({ ...valid, services: [] }), 'hosts.provisioning-invalid'],
    [
      'a service twice',
      text({ ...valid, services: ['files', 'files'] }),
      'hosts.provisioning-invalid',
    ],
    ['mail as a service', text({ ...valid, services: ['mail'] }), 'hosts.provisioning-invalid'],
    [
      'a control character in the name',
      text({ ...valid, host: { name: 'Evil\u0007' } }),
      'hosts.provisioning-invalid',
    ],
    [
      'a name of 10 000 letters',
      text({ ...valid, host: { name: 'x'.repeat(10_000) } }),
      'hosts.provisioning-too-large',
    ],
    [
      'browser login on Radicale',
      text({ ...valid, software: 'radicale' }),
      'hosts.provisioning-invalid',
    ],
    ['something else in JSON', text({ hello: 'world' }), 'hosts.provisioning-not-baluchon'],
    ['not JSON at all', 'server=https://cloud.example', 'hosts.provisioning-not-baluchon'],
    ['another app’s link', 'otherapp://provision?v=1', 'hosts.provisioning-not-baluchon'],
    [
      'a link with a password',
      'baluchon://provision?v=1&name=X&server=https%3A%2F%2Fa.example&software=nextcloud&services=files&password=x',
      'hosts.provisioning-credentials',
    ],
    ['a link of another version', 'baluchon://provision?v=7&name=X', 'hosts.provisioning-version'],
    [
      'a file over the size limit',
      ' '.repeat(PROVISIONING_MAX_BYTES) + text(valid),
      'hosts.provisioning-too-large',
    ],
  ])('refuses %s', (_what, input, code) => {
    expect(codeOf(input)).toBe(code);
  });

  describe('a host’s own Google client (optional)', () => {
    const google = {
      googleClientId: '123456789012-abc123def456ghi789.apps.googleusercontent.com',
      googleClientSecret: 'GOCSPX-aBcD_eFgH-1234567890xyzXYZ',
    };

    it('reads a client id and its secret, in a file and in the link it writes', () => {
      const provisioning = readProvisioning(text({ ...valid, ...google }));
      expect(provisioning).toMatchObject(google);
      expect(readProvisioning(provisioningLink(provisioning))).toEqual(provisioning);
    });

    it('reads a client id alone', () => {
      const { googleClientId } = google;
      expect(readProvisioning(text({ ...valid, googleClientId })).googleClientId).toBe(
        googleClientId,
      );
    });

    it.each([
      ['an id of another shape', { googleClientId: 'my-client.example.com' }, 'googleClientId'],
      [
        'an id in capitals',
        { googleClientId: '123-ABC.apps.googleusercontent.com' },
        'googleClientId',
      ],
      [
        'an id on another domain',
        { googleClientId: '123-abc.apps.googleusercontent.com.evil.example' },
        'googleClientId',
      ],
      [
        'a secret with a space',
        { ...google, googleClientSecret: 'GOCSPX abc defghij' },
        'googleClientSecret',
      ],
      [
        'a secret of 200 characters',
        { ...google, googleClientSecret: 'x'.repeat(200) },
        'googleClientSecret',
      ],
      [
        'a secret without its id',
        { googleClientSecret: google.googleClientSecret },
        'googleClientSecret',
      ],
    ])('refuses %s, naming the field', (_what, change, field) => {
      try {
        readProvisioning(text({ ...valid, ...change }));
        expect.unreachable();
      } catch (error) {
        expect(error).toMatchObject({ code: 'hosts.provisioning-invalid', details: { field } });
      }
    });
  });

  it('says which version it found and which it supports', () => {
    try {
      readProvisioning(text({ ...valid, version: 2 }));
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ details: { version: '2', supported: 1 } });
    }
  });
});
