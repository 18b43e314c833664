import { describe, expect, it } from 'vitest';
import { parseServerAddress } from '../../src/dav/server-address.ts';

describe('parseServerAddress', () => {
  it.each([
    ['anne@zaclys.com', 'https://zaclys.com/', true],
    ['cloud.example.org', 'https://cloud.example.org/', false],
    ['cloud.example.org:8443/nextcloud', 'https://cloud.example.org:8443/nextcloud/', false],
    [
      'https://cloud.example.org/remote.php/dav',
      'https://cloud.example.org/remote.php/dav/',
      false,
    ],
    ['http://127.0.0.1:5232', 'http://127.0.0.1:5232/', false],
    ['  https://user:pw@cloud.example.org/?x=1#y  ', 'https://cloud.example.org/', false],
  ])('%s → %s', (input, base, fromEmail) => {
    expect(parseServerAddress(input)).toEqual({ base, fromEmail });
  });

  it.each(['', '   ', 'ftp://example.org/', 'http://', 'exa mple.org'])('refuses %j', (input) => {
    let thrown: unknown;
    try {
      parseServerAddress(input);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'connect.bad-address' });
  });
});
