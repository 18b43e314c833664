// First pass over every card of the export ("All Contacts" and each label's file): which
// distinct cards there are, their merged labels, and their UIDs — decided for the whole address
// book at once, since telling two "Jean Martin" apart needs both. Kept per card: two hashes, a
// key and the labels (a few hundred bytes), never the card itself, so 5,000 or 50,000 contacts
// fit in memory.
import type ICAL from 'ical.js';
import { categoriesOf, discriminatorOf, identityOf, personKeyOf } from './card-identity.ts';
import type { CardKeys } from './derive-uids.ts';
import { assignUids } from './derive-uids.ts';
import { readCard } from './read-card.ts';

export interface ContactsSource {
  /** The archive entry or folder the cards come from, to name it in problems. */
  readonly key: string;
  /**
   * Every card of every contacts file, as raw vCard text. Called once per pass; every call
   * must yield the same cards.
   */
  open(): AsyncIterable<string> | Iterable<string>;
}

/** Google's system groups: not labels the family made. */
export const MY_CONTACTS = 'myContacts';
export const STARRED = 'starred';

/**
 * - saved: the family saved this person (Google's `myContacts`; everyone in an export without it);
 * - other: one of Google's "other contacts", added by itself, never saved by the family;
 * - same-as-saved: an "other contact" with the e-mail address of a saved card: that saved
 *   person, who moves (and counts) once, as saved.
 * The scan counts the same way (src/takeout/contacts-tally.ts).
 */
export type CardGroup = 'saved' | 'other' | 'same-as-saved';

export interface CardRecord {
  readonly uid: string;
  /** Labels of every copy of the card, in the order first seen. */
  readonly categories: readonly string[];
  /** In Google's "My Contacts" (not an auto-collected "other contact"). */
  readonly inMyContacts: boolean;
  readonly group: CardGroup;
}

export interface AddressBookSurvey {
  /** Cards read, every file included. */
  readonly cards: number;
  /** Distinct cards: one person listed in three files counts once. */
  readonly distinct: number;
  readonly inMyContacts: number;
  /** Distinct cards by group. */
  readonly saved: number;
  readonly other: number;
  readonly unreadable: number;
  /** The family's own labels, sorted (Google's system groups left out). */
  readonly labels: readonly string[];
  /** By card identity (see card-identity.ts). */
  readonly byIdentity: ReadonlyMap<string, CardRecord>;
}

interface Pending extends CardKeys {
  categories: string[];
  ownUid: string | undefined;
  emails: readonly string[];
}

export async function surveyAddressBook(source: ContactsSource): Promise<AddressBookSurvey> {
  const pending = new Map<string, Pending>();
  let cards = 0;
  let unreadable = 0;
  for await (const text of source.open()) {
    cards += 1;
    const read = readCard(text);
    if (!read.ok) {
      unreadable += 1;
      continue;
    }
    const identity = identityOf(read.card);
    const categories = categoriesOf(read.card);
    const known = pending.get(identity);
    if (known) {
      for (const category of categories)
        if (!known.categories.includes(category)) known.categories.push(category);
      continue;
    }
    const ownUid = read.card.getFirstPropertyValue('uid');
    pending.set(identity, {
      identity,
      key: personKeyOf(read.card, identity),
      discriminator: discriminatorOf(read.card),
      categories: [...new Set(categories)],
      ownUid: typeof ownUid === 'string' && ownUid.trim() !== '' ? ownUid.trim() : undefined,
      emails: emailsOf(read.card),
    });
  }
  const uids = assignUids(pending.values());
  const anyMyContacts = [...pending.values()].some((card) => card.categories.includes(MY_CONTACTS));
  const isSaved = (card: Pending): boolean =>
    !anyMyContacts || card.categories.includes(MY_CONTACTS);
  const savedEmails = new Set([...pending.values()].filter(isSaved).flatMap((card) => card.emails));
  const byIdentity = new Map<string, CardRecord>();
  const labels = new Set<string>();
  for (const [identity, card] of pending) {
    const uid = uids.get(identity);
    if (uid === undefined) continue;
    byIdentity.set(identity, {
      uid,
      categories: card.categories,
      inMyContacts: card.categories.includes(MY_CONTACTS),
      group: isSaved(card)
        ? 'saved'
        : card.emails.some((email) => savedEmails.has(email))
          ? 'same-as-saved'
          : 'other',
    });
    for (const category of card.categories) {
      if (category !== MY_CONTACTS && category !== STARRED) labels.add(category);
    }
  }
  return {
    cards,
    distinct: byIdentity.size,
    inMyContacts: [...byIdentity.values()].filter((card) => card.inMyContacts).length,
    saved: [...byIdentity.values()].filter((card) => card.group === 'saved').length,
    other: [...byIdentity.values()].filter((card) => card.group === 'other').length,
    unreadable,
    labels: [...labels].sort(),
    byIdentity,
  };
}

/** Lower-cased e-mail addresses, compared as the scan compares them. */
function emailsOf(card: ICAL.Component): string[] {
  return card
    .getAllProperties('email')
    .map((property) => property.getFirstValue())
    .filter((value): value is string => typeof value === 'string')
    .map((value) => value.trim().toLowerCase())
    .filter((value) => value !== '');
}
