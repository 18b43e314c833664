import { describe, expect, it } from 'vitest';
import { endpointsFor } from '../../src/hosts/presets.ts';

describe('endpointsFor', () => {
  it('gives Nextcloud’s DAV endpoints, keeping a server installed in a sub-folder', () => {
    expect(endpointsFor('nextcloud', 'https://example.org/nextcloud/', 'marie dupont')).toEqual({
      caldav: 'https://example.org/nextcloud/remote.php/dav/calendars/marie%20dupont/',
      carddav: 'https://example.org/nextcloud/remote.php/dav/addressbooks/users/marie%20dupont/',
      webdav: 'https://example.org/nextcloud/remote.php/dav/files/marie%20dupont/',
    });
  });

  it.each([
    ['baikal', 'https://dav.example.org', 'https://dav.example.org/dav.php/calendars/marie/', null],
    ['sogo', 'https://mail.example.org', 'https://mail.example.org/SOGo/dav/marie/Calendar/', null],
    ['radicale', 'https://dav.example.org/', 'https://dav.example.org/marie/', null],
  ] as const)('knows where %s keeps calendars', (software, server, caldav, webdav) => {
    const endpoints = endpointsFor(software, server, 'marie');
    expect(endpoints.caldav).toBe(caldav);
    expect(endpoints.webdav).toBe(webdav);
  });

  it('cannot be led off the server by a login name', () => {
    const endpoints = endpointsFor('radicale', 'https://dav.example.org/', '../../evil.example/x');
    expect(new URL(endpoints.caldav).host).toBe('dav.example.org');
    expect(endpoints.caldav).toContain('..%2F..%2Fevil.example%2Fx');
  });
});
