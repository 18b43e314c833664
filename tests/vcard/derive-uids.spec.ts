import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CardKeys } from '../../src/vcard/derive-uids.ts';
import { assignUids, nameBasedUuid } from '../../src/vcard/derive-uids.ts';

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Address books where names, e-mails and phones collide a lot. */
const addressBook = fc
  .uniqueArray(
    fc.record({
      identity: fc.string({
        unit: fc.constantFrom(...'0123456789abcdef'.split('')),
        minLength: 6,
        maxLength: 6,
      }),
      key: fc.record({
        kind: fc.constantFrom('name', 'email', 'phone'),
        value: fc.constantFrom('jean martin', 'marie', 'a@x', '+33'),
      }),
      discriminator: fc.constantFrom('', 'email:a@x', 'email:b@x', 'phone:1'),
    }),
    { selector: (card) => card.identity, maxLength: 40 },
  )
  .map((cards) => cards as CardKeys[]);

describe('assignUids', () => {
  it('gives every distinct card its own UID', () => {
    fc.assert(
      fc.property(addressBook, (cards) => {
        const uids = assignUids(cards);
        expect(uids.size).toBe(cards.length);
        expect(new Set(uids.values()).size).toBe(cards.length);
        for (const uid of uids.values()) expect(uid).toMatch(UUID_V5);
      }),
    );
  });

  it('gives the same UIDs whatever the order of the cards', () => {
    fc.assert(
      fc.property(
        addressBook.chain((cards) =>
          fc.tuple(
            fc.constant(cards),
            fc.shuffledSubarray(cards, { minLength: cards.length, maxLength: cards.length }),
          ),
        ),
        ([cards, shuffled]) => {
          expect(assignUids(shuffled)).toEqual(assignUids(cards));
        },
      ),
    );
  });

  it('keeps a contact’s UID when its identity (content) changes but its key does not', () => {
    const before = assignUids([
      { identity: 'v1', key: { kind: 'name', value: 'zoe' }, discriminator: 'phone:1' },
    ]);
    const after = assignUids([
      { identity: 'v2', key: { kind: 'name', value: 'zoe' }, discriminator: 'phone:2' },
    ]);
    expect(after.get('v2')).toBe(before.get('v1'));
  });

  it('keeps a UID the card already has, unless another card took it first', () => {
    const uids = assignUids([
      { identity: 'b', key: { kind: 'name', value: 'x' }, discriminator: '', ownUid: 'mine' },
      { identity: 'a', key: { kind: 'name', value: 'y' }, discriminator: '', ownUid: 'mine' },
    ]);
    expect(uids.get('a')).toBe('mine');
    expect(uids.get('b')).toMatch(UUID_V5);
  });

  it('makes RFC 9562 version-5 UUIDs', () => {
    expect(nameBasedUuid('name\u0000zoe')).toMatch(UUID_V5);
    expect(nameBasedUuid('name\u0000zoe')).toBe(nameBasedUuid('name\u0000zoe'));
  });
});
