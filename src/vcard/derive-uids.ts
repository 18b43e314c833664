// Stable UIDs for Google's cards, which have none (TAKEOUT-NOTES §3.2). Derived from the person
// key (card-identity.ts), as a name-based UUID (RFC 9562 §5.5, SHA-1), so the same person gets
// the same UID on every run and in every newer export, and clients that expect UUIDs are happy.
//
// A card that already has a UID keeps it. Two different cards can share a key (two "Jean Martin"). They are never merged: within such a
// group, ordered by their first e-mail / phone / organisation and then by content, the first
// keeps the UID of the plain key and each other one gets a UID that also covers what tells it
// apart (its e-mail…), or its content when nothing does. Whole address book at once: the order
// of the cards never changes the result.
import { createHash } from 'node:crypto';
import type { PersonKey } from './card-identity.ts';
import { compareText } from '../ical/resource-name.ts';

/** Fixed namespace for Baluchon's contact UIDs (a random v4 UUID, chosen once). */
const NAMESPACE = 'a3f0c1d2-5b6e-4f7a-8c9d-0e1f2a3b4c5d';

export function nameBasedUuid(name: string): string {
  const namespace = Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50; // version 5
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80; // RFC 9562 variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface CardKeys {
  /** The card's identity (content without labels); one entry per distinct card. */
  readonly identity: string;
  readonly key: PersonKey;
  readonly discriminator: string;
  /** A UID the card already has (cards from elsewhere than Google): kept when not taken. */
  readonly ownUid?: string | undefined;
}

export function assignUids(cards: Iterable<CardKeys>): Map<string, string> {
  const groups = new Map<string, CardKeys[]>();
  const uids = new Map<string, string>();
  const used = new Set<string>();
  const all = [...cards].sort((a, b) => compareText(a.identity, b.identity));
  for (const card of all) {
    if (card.ownUid === undefined || used.has(card.ownUid)) continue;
    uids.set(card.identity, card.ownUid);
    used.add(card.ownUid);
  }
  for (const card of all) {
    if (uids.has(card.identity)) continue;
    const key = `${card.key.kind}\u0000${card.key.value}`;
    const group = groups.get(key);
    if (group) group.push(card);
    else groups.set(key, [card]);
  }
  const give = (card: CardKeys, names: readonly string[]) => {
    // The first name not taken; the identity (unique per card) settles any remaining tie.
    const uid = [...names, `${names[0] ?? ''}\u0002${card.identity}`]
      .map(nameBasedUuid)
      .find((candidate) => !used.has(candidate));
    if (uid === undefined) throw new Error(`no UID left for ${card.identity}`);
    used.add(uid);
    uids.set(card.identity, uid);
  };
  const sortedKeys = [...groups.keys()].sort();
  for (const key of sortedKeys) {
    const members = (groups.get(key) ?? []).sort(
      (a, b) =>
        compareText(a.discriminator, b.discriminator) || compareText(a.identity, b.identity),
    );
    members.forEach((card, index) => {
      if (index === 0) give(card, [key]);
      else if (card.discriminator !== '') give(card, [`${key}\u0001${card.discriminator}`]);
      else give(card, []);
    });
  }
  return uids;
}
