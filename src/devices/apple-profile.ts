// The iPhone/iPad configuration profile (.mobileconfig): one CalDAV and one CardDAV account
// payload (Apple's documented keys: host, port, TLS, principal URL, user name), the password left
// out so the device asks for it. The payload UUIDs are derived from the account, so a family
// installing the profile again replaces the accounts instead of adding them twice.
import { build } from 'plist';
import { nameBasedUuid } from '../vcard/derive-uids.ts';
import type { DeviceAccount } from './device-account.ts';

export interface ProfileWords {
  /** The profile's name in Settings ("Agenda et contacts — cloud.example.org"). */
  readonly displayName: string;
  readonly description: string;
  readonly calendarsName: string;
  readonly contactsName: string;
  /** Who the profile says it comes from (the host's name, else Baluchon). */
  readonly organization: string;
}

export function appleProfile(account: DeviceAccount, words: ProfileWords): string {
  const seed = `${account.serverUrl}|${account.username}`;
  const identifier = `org.baluchon.profile.${nameBasedUuid(`profile|${seed}`)}`;
  const payload = (kind: 'caldav' | 'carddav', prefix: 'CalDAV' | 'CardDAV') => {
    const principal = kind === 'caldav' ? account.calendarHome : account.addressbookHome;
    return {
      PayloadType: `com.apple.${kind}.account`,
      PayloadVersion: 1,
      PayloadIdentifier: `${identifier}.${kind}`,
      PayloadUUID: nameBasedUuid(`${kind}|${seed}`).toUpperCase(),
      PayloadDisplayName: kind === 'caldav' ? words.calendarsName : words.contactsName,
      [`${prefix}AccountDescription`]: kind === 'caldav' ? words.calendarsName : words.contactsName,
      [`${prefix}HostName`]: account.host,
      [`${prefix}Port`]: account.port,
      [`${prefix}UseSSL`]: account.tls,
      [`${prefix}Username`]: account.username,
      // Where the device starts its discovery: the home Baluchon filled, else the server's address.
      [`${prefix}PrincipalURL`]: principal ?? account.serverUrl,
    };
  };
  return build({
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: identifier,
    PayloadUUID: nameBasedUuid(`configuration|${seed}`).toUpperCase(),
    PayloadDisplayName: words.displayName,
    PayloadDescription: words.description,
    PayloadOrganization: words.organization,
    PayloadRemovalDisallowed: false,
    PayloadContent: [payload('caldav', 'CalDAV'), payload('carddav', 'CardDAV')],
  });
}

/** The file name to offer ("cloud.example.org-anne.mobileconfig"), safe on every system. */
export function appleProfileFileName(account: DeviceAccount): string {
  const safe = `${account.host}-${account.username}`.replace(/[^A-Za-z0-9._-]+/g, '-');
  return `${safe}.mobileconfig`;
}
