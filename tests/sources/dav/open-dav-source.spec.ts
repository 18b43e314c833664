// What a DAV source says of itself before anything is read: its kind and the identity a resumed
// run recognises it by.
import { describe, expect, it } from 'vitest';
import { DavClient } from '../../../src/dav/dav-client.ts';
import { openDavSource } from '../../../src/sources/dav/open-dav-source.ts';

function offlineClient(username: string): DavClient {
  return new DavClient({
    send: () => Promise.reject(new Error('no network in this test')),
    credentials: { username, password: 'secret' },
    retry: { sleep: () => Promise.resolve(), random: () => 0 },
    now: () => new Date(0),
  });
}

describe('openDavSource', () => {
  it('is known by its server and user, however the address was typed', () => {
    const a = openDavSource({ client: offlineClient('anne'), server: 'cloud.example.org' });
    const b = openDavSource({
      client: offlineClient('anne'),
      server: 'https://cloud.example.org/',
    });
    const c = openDavSource({ client: offlineClient('paul'), server: 'cloud.example.org' });
    expect(a.kind).toBe('dav');
    expect(a.identity).toEqual([{ name: 'https://cloud.example.org/ (anne)', size: 0 }]);
    expect(b.identity).toEqual(a.identity);
    expect(c.identity).not.toEqual(a.identity);
    // The password never goes into what a run records.
    expect(JSON.stringify(a.identity)).not.toContain('secret');
  });

  it('refuses an address that cannot be a server', () => {
    let thrown: unknown;
    try {
      openDavSource({ client: offlineClient('anne'), server: 'ftp://x/' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'connect.bad-address' });
  });
});
