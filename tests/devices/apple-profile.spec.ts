// The iPhone profile parses back as a plist with Apple's documented keys for a configuration
// profile and its CalDAV and CardDAV payloads, has unique payload UUIDs that stay the same for the
// same account (installing again replaces), and carries no password.
import { parse } from 'plist';
import { describe, expect, it } from 'vitest';
import { appleProfile, appleProfileFileName } from '../../src/devices/apple-profile.ts';
import { deviceAccountOf } from '../../src/devices/device-account.ts';
import { TEST_PASSWORD, familyReport } from './support/family-report.ts';

const words = {
  displayName: 'Agenda et contacts — cloud.exemple.org',
  description: 'Ajoute vos agendas',
  calendarsName: 'Agendas',
  contactsName: 'Contacts',
  organization: 'Le Chaton du coin',
};

type Dict = Record<string, unknown>;

function profileOf(server?: string): Dict {
  const report = familyReport(server === undefined ? {} : { server });
  return parse(appleProfile(deviceAccountOf(report), words)) as Dict;
}

const UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

describe('the iPhone profile', () => {
  it('has every key Apple requires, top level and per payload', () => {
    const profile = profileOf();
    for (const key of [
      'PayloadContent',
      'PayloadDisplayName',
      'PayloadIdentifier',
      'PayloadType',
      'PayloadUUID',
      'PayloadVersion',
    ]) {
      expect(profile, key).toHaveProperty(key);
    }
    expect(profile['PayloadType']).toBe('Configuration');
    expect(profile['PayloadVersion']).toBe(1);
    expect(profile['PayloadUUID']).toMatch(UUID);
    const payloads = profile['PayloadContent'] as Dict[];
    expect(payloads.map((p) => p['PayloadType'])).toEqual([
      'com.apple.caldav.account',
      'com.apple.carddav.account',
    ]);
    const [caldav, carddav] = payloads as [Dict, Dict];
    for (const [payload, prefix] of [
      [caldav, 'CalDAV'],
      [carddav, 'CardDAV'],
    ] as const) {
      for (const key of ['PayloadIdentifier', 'PayloadType', 'PayloadUUID', 'PayloadVersion']) {
        expect(payload, `${prefix} ${key}`).toHaveProperty(key);
      }
      expect(payload['PayloadUUID']).toMatch(UUID);
      expect(payload[`${prefix}HostName`]).toBe('cloud.exemple.org');
      expect(payload[`${prefix}Port`]).toBe(443);
      expect(payload[`${prefix}UseSSL`]).toBe(true);
      expect(payload[`${prefix}Username`]).toBe('camille.dupont');
      expect(payload).not.toHaveProperty(`${prefix}Password`);
    }
    expect(caldav['CalDAVPrincipalURL']).toBe(
      'https://cloud.exemple.org/remote.php/dav/calendars/camille.dupont/',
    );
    expect(carddav['CardDAVPrincipalURL']).toBe(
      'https://cloud.exemple.org/remote.php/dav/addressbooks/users/camille.dupont/',
    );
  });

  it('gives unique UUIDs, the same ones for the same account, others for another', () => {
    const uuids = (profile: Dict) => [
      profile['PayloadUUID'],
      ...(profile['PayloadContent'] as Dict[]).map((p) => p['PayloadUUID']),
    ];
    const first = uuids(profileOf());
    expect(new Set(first).size).toBe(3);
    expect(uuids(profileOf())).toEqual(first);
    const other = uuids(profileOf('https://agenda.autre.org/dav/'));
    expect(other.filter((uuid) => first.includes(uuid))).toEqual([]);
  });

  it('says the port and TLS as the server has them', () => {
    const payload = (profileOf('http://127.0.0.1:5232/')['PayloadContent'] as Dict[])[0] ?? {};
    expect(payload['CalDAVPort']).toBe(5232);
    expect(payload['CalDAVUseSSL']).toBe(false);
  });

  it('holds no password and a file name safe everywhere', () => {
    const account = deviceAccountOf(familyReport());
    expect(appleProfile(account, words)).not.toContain(TEST_PASSWORD);
    expect(appleProfileFileName(account)).toBe('cloud.exemple.org-camille.dupont.mobileconfig');
  });
});
