// First pass over every card of the export ("All Contacts" and each label's file): which
// distinct cards there are, their merged labels, and their UIDs — decided for the whole address
// book at once, since telling two "Jean Martin" apart needs both. Kept per card: two hashes, a
// key and the labels (a few hundred bytes), never the card itself, so 5,000 or 50,000 contacts
// fit in memory.
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

export interface CardRecord {
  readonly uid: string;
  /** Labels of every copy of the card, in the order first seen. */
  readonly categories: readonly string[];
  /** In Google's "My Contacts" (not an auto-collected "other contact"). */
  readonly inMyContacts: boolean;
}

export interface AddressBookSurvey {
  /** Cards read, every file included. */
  readonly cards: number;
  /** Distinct cards: one person listed in three files counts once. */
  readonly distinct: number;
  readonly inMyContacts: number;
  readonly unreadable: number;
  /** The family's own labels, sorted (Google's system groups left out). */
  readonly labels: readonly string[];
  /** By card identity (see card-identity.ts). */
  readonly byIdentity: ReadonlyMap<string, CardRecord>;
}

interface Pending extends CardKeys {
  categories: string[];
  ownUid: string | undefined;
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
    });
  }
  const uids = assignUids(pending.values());
  const byIdentity = new Map<string, CardRecord>();
  const labels = new Set<string>();
  for (const [identity, card] of pending) {
    const uid = uids.get(identity);
    if (uid === undefined) continue;
    byIdentity.set(identity, {
      uid,
      categories: card.categories,
      inMyContacts: card.categories.includes(MY_CONTACTS),
    });
    for (const category of card.categories) {
      if (category !== MY_CONTACTS && category !== STARRED) labels.add(category);
    }
  }
  return {
    cards,
    distinct: byIdentity.size,
    inMyContacts: [...byIdentity.values()].filter((card) => card.inMyContacts).length,
    unreadable,
    labels: [...labels].sort(),
    byIdentity,
  };
}
