// One person of the People API → the vCard 3.0 card Google's own exporter writes for them (the
// Takeout archive, contacts.google.com's "vCard" export; TAKEOUT-NOTES §3.2): same properties,
// same order, same TYPE parameters and labels, CATEGORIES with the label names and Google's
// `myContacts`/`starred`, no UID. The card then goes through the engine's pipeline unchanged
// (src/vcard: survey, UIDs, photos, version), so the same person read live or from the archive
// gets the same UID (card-identity.ts: the UID comes from N, else FN, else e-mail…).
//
// A photo stays a link (`PHOTO:https://lh3.googleusercontent.com/…`), as in the archive: the
// engine downloads and embeds it (src/vcard/embed-photo.ts). Google's default avatar (a letter
// on a colour, `default: true`) is no photo of the person and is left out.
import type { people_v1 } from '@googleapis/people';
import type { ProblemFact } from '../../../contract/problem.ts';
import { MY_CONTACTS, STARRED } from '../../../vcard/survey-address-book.ts';
import {
  addressType,
  emailType,
  eventType,
  imProperty,
  phoneType,
  relationType,
  simpleType,
  urlType,
} from './field-types.ts';
import { PersonShapeError, dateValue, entries, primary, text } from './person-fields.ts';
import { VCardLines, escapeText, structured, uriValue } from './vcard-lines.ts';

type Person = people_v1.Schema$Person;

/** Contact group resource name (`contactGroups/abc123`) → the name CATEGORIES gives it. */
export type GroupNames = ReadonlyMap<string, string>;

export type PersonCard =
  | {
      readonly ok: true;
      readonly vcard: string;
      /** The same card unfolded, one property a line (what the scan's tally reads). */
      readonly lines: readonly string[];
    }
  | { readonly ok: false; readonly problem: ProblemFact };

/** Google's two system groups are named by their id, exactly as the archive writes them. */
const SYSTEM_GROUPS: Readonly<Record<string, string>> = {
  'contactGroups/myContacts': MY_CONTACTS,
  'contactGroups/starred': STARRED,
};

export function personToVcard(person: Person, groups: GroupNames): PersonCard {
  try {
    // Not parsed again here: every value is escaped by vcard-lines.ts, and the tests read back
    // any text with the engine's reader (a parse per person would cost more than the request).
    // A card the engine still could not read is named by it (items.contact-unreadable).
    const card = cardOf(person, groups);
    return { ok: true, vcard: card.text(), lines: card.lines() };
  } catch (error) {
    if (!(error instanceof PersonShapeError)) throw error;
    return { ok: false, problem: problemOf(person, error.field) };
  }
}

/** How the family knows the person, as far as anything can be read of them. */
export function personName(person: Person): string {
  const pick = (read: () => string): string => {
    try {
      return read().trim();
    } catch {
      return '';
    }
  };
  const name = pick(() => {
    const first = primary(entries(person.names, 'names'));
    return text(first?.displayName, 'names') || text(first?.unstructuredName, 'names');
  });
  const email = pick(() => text(entries(person.emailAddresses, 'emailAddresses')[0]?.value, 'e'));
  return name || email || pick(() => text(person.resourceName, 'resourceName')) || '?';
}

function problemOf(person: Person, detail: string): ProblemFact {
  return {
    code: 'items.google-contact-unreadable',
    where: personName(person),
    params: { detail },
  };
}

function cardOf(person: Person, groups: GroupNames): VCardLines {
  const card = new VCardLines();
  addNames(card, person);
  for (const nickname of entries(person.nicknames, 'nicknames')) {
    const value = text(nickname.value, 'nicknames');
    if (value !== '') card.add('NICKNAME', escapeText(value));
  }
  addPhonetics(card, person);
  for (const email of entries(person.emailAddresses, 'emailAddresses')) {
    const value = text(email.value, 'emailAddresses').trim();
    if (value !== '')
      card.add('EMAIL', escapeText(value), emailType(text(email.type, 'emailAddresses')));
  }
  for (const im of entries(person.imClients, 'imClients')) {
    const value = text(im.username, 'imClients');
    const { name, type } = imProperty(text(im.protocol, 'imClients'));
    if (value !== '') card.add(name, escapeText(value), type);
  }
  for (const phone of entries(person.phoneNumbers, 'phoneNumbers')) {
    const value = text(phone.value, 'phoneNumbers');
    if (value.trim() !== '')
      card.add('TEL', escapeText(value), phoneType(text(phone.type, 'phoneNumbers')));
  }
  for (const address of entries(person.addresses, 'addresses')) addAddress(card, address);
  for (const organization of entries(person.organizations, 'organizations')) {
    const name = text(organization.name, 'organizations');
    const department = text(organization.department, 'organizations');
    if (name !== '' || department !== '') {
      card.add('ORG', structured(department === '' ? [name] : [name, department]));
    }
    const title = text(organization.title, 'organizations');
    if (title !== '') card.add('TITLE', escapeText(title));
  }
  for (const occupation of entries(person.occupations, 'occupations')) {
    // RFC 2426 §3.5.2: ROLE is "the role, occupation, or business category".
    const value = text(occupation.value, 'occupations');
    if (value !== '') card.add('ROLE', escapeText(value));
  }
  addBirthday(card, person);
  for (const url of entries(person.urls, 'urls')) {
    const value = uriValue(text(url.value, 'urls'));
    if (value !== '') card.add('URL', value, urlType(text(url.type, 'urls')));
  }
  for (const event of entries(person.events, 'events')) {
    const value = dateValue(event.date, 'events');
    if (value !== undefined) card.add('X-ABDATE', value, eventType(text(event.type, 'events')));
  }
  for (const relation of entries(person.relations, 'relations')) {
    const value = text(relation.person, 'relations');
    if (value !== '') {
      card.add(
        'X-ABRELATEDNAMES',
        escapeText(value),
        relationType(text(relation.type, 'relations')),
      );
    }
  }
  addOtherAddresses(card, person);
  addNote(card, person);
  addPhoto(card, person);
  addCategories(card, person, groups);
  return card;
}

function addNames(card: VCardLines, person: Person): void {
  const name = primary(entries(person.names, 'names'));
  const parts = [
    text(name?.familyName, 'names'),
    text(name?.givenName, 'names'),
    text(name?.middleName, 'names'),
    text(name?.honorificPrefix, 'names'),
    text(name?.honorificSuffix, 'names'),
  ];
  const composed = [parts[3], parts[1], parts[2], parts[0], parts[4]]
    .filter((part) => part !== '')
    .join(' ');
  // Google writes `FN:` and `N:;;;;` for a person without a name (an address only): the
  // engine then names the card from what it has (src/vcard/ensure-name.ts), either way.
  const full =
    text(name?.unstructuredName, 'names') || text(name?.displayName, 'names') || composed;
  card.add('FN', escapeText(full));
  card.add('N', structured(parts));
}

function addPhonetics(card: VCardLines, person: Person): void {
  const name = primary(entries(person.names, 'names'));
  const phonetic: [string, unknown][] = [
    ['X-PHONETIC-FIRST-NAME', name?.phoneticGivenName],
    ['X-PHONETIC-MIDDLE-NAME', name?.phoneticMiddleName],
    ['X-PHONETIC-LAST-NAME', name?.phoneticFamilyName],
  ];
  for (const [property, value] of phonetic) {
    const written = text(value, 'names');
    if (written !== '') card.add(property, escapeText(written));
  }
}

function addAddress(card: VCardLines, address: people_v1.Schema$Address): void {
  const field = 'addresses';
  const parts = [
    text(address.poBox, field),
    text(address.extendedAddress, field),
    text(address.streetAddress, field),
    text(address.city, field),
    text(address.region, field),
    text(address.postalCode, field),
    text(address.country, field),
  ];
  // An address typed as one block (no parts) is kept whole, in the street.
  const empty = (): boolean => !parts.some((part) => part !== '');
  if (empty()) parts[2] = text(address.formattedValue, field);
  if (empty()) return;
  card.add('ADR', structured(parts), addressType(text(address.type, field)));
}

function addBirthday(card: VCardLines, person: Person): void {
  // One BDAY (RFC 2426 §3.1.5 allows one): the first with a date. A birthday Google holds only
  // as free text ("around Easter") is no date and cannot be a vCard 3.0 BDAY.
  for (const birthday of entries(person.birthdays, 'birthdays')) {
    const value = dateValue(birthday.date, 'birthdays');
    if (value !== undefined) {
      card.add('BDAY', value);
      return;
    }
  }
}

/** Fields the vCard has no standard property for, kept as the X- lines Android reads. */
function addOtherAddresses(card: VCardLines, person: Person): void {
  for (const sip of entries(person.sipAddresses, 'sipAddresses')) {
    const value = uriValue(text(sip.value, 'sipAddresses'));
    if (value === '') continue;
    // RFC 4770 IMPP takes a URI: Google's SIP addresses are `sip:` URIs (RFC 3261 §19.1).
    const uri = /^sips?:/i.test(value) ? value : `sip:${value}`;
    card.add('IMPP', uri, simpleType(text(sip.type, 'sipAddresses')));
  }
  for (const calendar of entries(person.calendarUrls, 'calendarUrls')) {
    const value = uriValue(text(calendar.url, 'calendarUrls'));
    if (value === '') continue;
    // RFC 2739 §2: FBURL for free/busy, CALURI for the calendar itself.
    const type = text(calendar.type, 'calendarUrls');
    card.add(type === 'freeBusy' ? 'FBURL' : 'CALURI', value);
  }
  const extras: [string, people_v1.Schema$ExternalId[] | null | undefined, string][] = [
    ['X-GOOGLE-LOCATION', person.locations, 'locations'],
    ['X-GOOGLE-EXTERNAL-ID', person.externalIds, 'externalIds'],
    ['X-GOOGLE-KEYWORD', person.miscKeywords, 'miscKeywords'],
  ];
  for (const [property, list, field] of extras) {
    for (const entry of entries(list, field)) {
      const value = text(entry.value, field);
      if (value !== '') card.add(property, escapeText(value), simpleType(text(entry.type, field)));
    }
  }
}

/**
 * The note, then each custom field on a line of its own (`Key: value`), as the exporter appends
 * them (the cozy and ezvcard samples): the vCard has no place of its own for them.
 */
function addNote(card: VCardLines, person: Person): void {
  const lines: string[] = [];
  const biography = primary(entries(person.biographies, 'biographies'));
  const note = text(biography?.value, 'biographies');
  if (note !== '') lines.push(note);
  for (const field of entries(person.userDefined, 'userDefined')) {
    const key = text(field.key, 'userDefined');
    const value = text(field.value, 'userDefined');
    if (key !== '' || value !== '') lines.push(`${key}: ${value}`);
  }
  if (lines.length > 0) card.add('NOTE', escapeText(lines.join('\n')));
}

function addPhoto(card: VCardLines, person: Person): void {
  const photos = entries(person.photos, 'photos').filter((photo) => photo.default !== true);
  const photo = primary(photos);
  const url = uriValue(text(photo?.url, 'photos'));
  if (url !== '') card.add('PHOTO', url);
}

function addCategories(card: VCardLines, person: Person, groups: GroupNames): void {
  const names: string[] = [];
  for (const membership of entries(person.memberships, 'memberships')) {
    // A domain membership (Workspace) is no label.
    const group = membership.contactGroupMembership;
    const resource = text(group?.contactGroupResourceName, 'memberships');
    const name = groups.get(resource) ?? SYSTEM_GROUPS[resource];
    if (name !== undefined && name !== '' && !names.includes(name)) names.push(name);
  }
  if (names.length > 0) card.add('CATEGORIES', names.map(escapeText).join(','));
}
