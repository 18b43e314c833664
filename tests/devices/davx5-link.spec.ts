// The DAVx⁵ link fills in the address and the user name (DAVx⁵ turns davx5:// into https and
// caldav:// into http, and reads the user from the address's user part), never a password.
import { describe, expect, it } from 'vitest';
import { computerAddresses } from '../../src/devices/computer-addresses.ts';
import { davx5Link } from '../../src/devices/davx5-link.ts';
import { deviceAccountOf } from '../../src/devices/device-account.ts';
import { familyReport } from './support/family-report.ts';

describe('davx5Link', () => {
  it('opens DAVx⁵ on the https address with the user name', () => {
    expect(davx5Link(deviceAccountOf(familyReport()))).toBe(
      'davx5://camille.dupont@cloud.exemple.org/remote.php/dav/',
    );
  });

  it('keeps the port, says http as caldav://, and escapes a user name with an @', () => {
    const account = deviceAccountOf(
      familyReport({ server: 'http://127.0.0.1:5232/', account: 'anne@exemple.org' }),
    );
    expect(davx5Link(account)).toBe('caldav://anne%40exemple.org@127.0.0.1:5232/');
  });
});

describe('deviceAccountOf and computerAddresses', () => {
  it('knows Nextcloud by its addresses and gives its own client the bare server address', () => {
    const account = deviceAccountOf(familyReport());
    expect(account.nextcloud).toBe(true);
    const addresses = computerAddresses(account);
    expect(addresses.nextcloudClient).toBe('https://cloud.exemple.org/');
    expect(addresses.thunderbirdCalendars).toBe(
      'https://cloud.exemple.org/remote.php/dav/calendars/camille.dupont/',
    );
    expect(addresses.filesFolder).toBe(
      'davs://cloud.exemple.org/remote.php/dav/files/camille.dupont/',
    );
  });

  it('offers no Nextcloud client for another server, and no files folder when none moved', () => {
    const report = familyReport({
      server: 'https://agenda.exemple.org/',
      collections: [
        { kind: 'calendars', name: 'Famille', url: 'https://agenda.exemple.org/anne/famille/' },
      ],
    });
    const addresses = computerAddresses(deviceAccountOf(report));
    expect(addresses.nextcloudClient).toBeNull();
    expect(addresses.filesFolder).toBeNull();
    expect(addresses.thunderbirdCalendars).toBe('https://agenda.exemple.org/anne/');
    expect(addresses.thunderbirdContacts).toBe('https://agenda.exemple.org/');
  });
});
