// The whole address book → the cards a CardDAV server will store, one per person, each ready to
// PUT (or the reason it is not sent). Two passes over the cards, as for calendars:
//
//   const survey = await surveyAddressBook(source);   // distinct cards, labels, UIDs
//   for await (const outcome of prepareContacts(source, survey, options)) { … }
//
// A card found in several label files is sent once, with all its labels. A broken card costs
// that card only. Photos are the only I/O, through the `fetch` passed in.
import ICAL from 'ical.js';
import type { ProblemFact } from '../contract/problem.ts';
import { isAbortError } from '../errors/baluchon-error.ts';
import { resourceNameFor, sha256Hex } from '../ical/resource-name.ts';
import { stripControlCharacters } from '../ical/strip-control-characters.ts';
import {
  categoriesOf,
  discriminatorOf,
  identityOf,
  personKeyOf,
  textWithout,
} from './card-identity.ts';
import { assignUids } from './derive-uids.ts';
import type { PhotoOptions } from './embed-photo.ts';
import { embedPhotos } from './embed-photo.ts';
import { ensureName } from './ensure-name.ts';
import { readCard } from './read-card.ts';
import { removeGoogleArtefacts } from './remove-google-artefacts.ts';
import type { AddressBookSurvey, CardRecord, ContactsSource } from './survey-address-book.ts';
import { MY_CONTACTS, STARRED } from './survey-address-book.ts';
import { toVcard4 } from './to-vcard4.ts';

export const VCARD_PRODID = '-//Baluchon//Google import//EN';

export interface PrepareContactsOptions {
  /** What the server stores (CardDAV supported-address-data, RFC 6352 §6.2.2). */
  readonly version: '3.0' | '4.0';
  /** Google's "starred" group in the family's language (`items:contact.starred`). */
  readonly starredLabel: string;
  /** Downloads remote photos; without it (offline) photo links are dropped and reported. */
  readonly photos?: PhotoOptions;
  /** Which cards to prepare (default: all); the others are passed over without a word. */
  readonly include?: (record: CardRecord) => boolean;
}

export interface ContactResource {
  readonly uid: string;
  /** `sha1(UID).vcf`, safe in a URL. */
  readonly resourceName: string;
  readonly vcard: string;
  readonly version: '3.0' | '4.0';
  /** For change detection between runs (leaves out PRODID and REV). */
  readonly contentHash: string;
  /** The contact's name, as the family knows it. */
  readonly where: string;
  /** In Google's "My Contacts"; the others are addresses Google collected by itself. */
  readonly inMyContacts: boolean;
}

export type ContactOutcome =
  | {
      readonly status: 'ready';
      readonly resource: ContactResource;
      /** Sent, but something did not come along (a photo). */
      readonly problems: readonly ProblemFact[];
    }
  | {
      readonly status: 'not-sent';
      readonly where: string;
      readonly problems: readonly ProblemFact[];
    };

/** Labels as the family will see them: Google's "My Contacts" is not one, "starred" is renamed. */
export function labelsFor(categories: readonly string[], starredLabel: string): string[] {
  const labels = categories
    .filter((category) => category !== MY_CONTACTS)
    .map((category) => (category === STARRED ? starredLabel : category));
  return [...new Set(labels)];
}

function setCategories(card: ICAL.Component, labels: readonly string[]): void {
  card.removeAllProperties('categories');
  if (labels.length === 0) return;
  card.addProperty(new ICAL.Property(['categories', {}, 'text', ...labels]));
}

function setUid(card: ICAL.Component, uid: string): void {
  card.removeAllProperties('uid');
  card.addPropertyWithValue('uid', uid);
  card.removeAllProperties('prodid');
  card.addPropertyWithValue('prodid', VCARD_PRODID);
}

function hashOf(card: ICAL.Component): string {
  return sha256Hex(textWithout(card, ['prodid', 'rev']));
}

/** Serialised, read back, checked: exactly one UID and a name, or it is not sent. */
function finish(card: ICAL.Component, uid: string): { vcard: string; contentHash: string } {
  const vcard = `${card.toString()}\r\n`;
  const reread = new ICAL.Component(ICAL.parse(vcard) as unknown[]);
  const uids = reread.getAllProperties('uid');
  const name = reread.getFirstPropertyValue('fn');
  if (uids.length !== 1 || typeof name !== 'string' || name.trim() === '') {
    throw new Error('the card lost its UID or its name');
  }
  const written = String(uids[0]?.getFirstValue());
  if (written !== uid && written !== `urn:uuid:${uid}`) throw new Error('the card changed its UID');
  return { vcard, contentHash: hashOf(card) };
}

/** For a card the survey did not see (the file changed in between): decided on its own. */
function recordOf(card: ICAL.Component, identity: string, survey: AddressBookSurvey): CardRecord {
  const key = personKeyOf(card, identity);
  const uid =
    assignUids([{ identity, key, discriminator: discriminatorOf(card) }]).get(identity) ?? identity;
  const categories = categoriesOf(card);
  const inMyContacts = categories.includes(MY_CONTACTS);
  const saved = inMyContacts || survey.inMyContacts === 0;
  return { uid, categories, inMyContacts, group: saved ? 'saved' : 'other' };
}

export async function* prepareContacts(
  source: ContactsSource,
  survey: AddressBookSurvey,
  options: PrepareContactsOptions,
): AsyncGenerator<ContactOutcome> {
  const sent = new Set<string>();
  const reported = new Set<string>();
  let position = 0;
  for await (const text of source.open()) {
    position += 1;
    const read = readCard(text);
    if (!read.ok) {
      const fingerprint = sha256Hex(text);
      if (reported.has(fingerprint)) continue;
      reported.add(fingerprint);
      const where = read.hint ?? `${source.key} #${position}`;
      yield {
        status: 'not-sent',
        where,
        problems: [{ code: 'items.contact-unreadable', where, params: { detail: read.reason } }],
      };
      continue;
    }
    const card = read.card;
    const identity = identityOf(card);
    if (sent.has(identity)) continue;
    sent.add(identity);
    const record = survey.byIdentity.get(identity) ?? recordOf(card, identity, survey);
    if (options.include !== undefined && !options.include(record)) continue;
    try {
      removeGoogleArtefacts(card);
      stripControlCharacters(card);
      const name = ensureName(card);
      if (name === undefined) {
        const where = `${source.key} #${position}`;
        yield {
          status: 'not-sent',
          where,
          problems: [{ code: 'items.contact-empty', where, params: {} }],
        };
        continue;
      }
      setCategories(card, labelsFor(record.categories, options.starredLabel));
      setUid(card, record.uid);
      const problems: ProblemFact[] = (await embedPhotos(card, options.photos)).map((failure) => ({
        code:
          failure === 'refused' ? 'items.contact-photo-refused' : 'items.contact-photo-unreachable',
        where: name,
        params: { uid: record.uid },
      }));
      const written = options.version === '4.0' ? toVcard4(card) : card;
      yield {
        status: 'ready',
        resource: {
          uid: record.uid,
          resourceName: resourceNameFor(record.uid, 'vcf'),
          version: options.version,
          where: name,
          inMyContacts: record.inMyContacts,
          ...finish(written, record.uid),
        },
        problems,
      };
    } catch (error) {
      // A cancelled run is no unreadable contact: it ends the reading.
      if (isAbortError(error)) throw error;
      const where = String(card.getFirstPropertyValue('fn') ?? '') || `${source.key} #${position}`;
      const detail = error instanceof Error ? error.message : String(error);
      yield {
        status: 'not-sent',
        where,
        problems: [
          { code: 'items.contact-unreadable', where, params: { uid: record.uid, detail } },
        ],
      };
    }
  }
}
