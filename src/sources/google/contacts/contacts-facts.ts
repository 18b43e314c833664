// What "What we found" says of the contacts read live, counted by the very tally that counts an
// archive's (src/takeout/contacts-tally.ts): distinct saved people, the family's own labels,
// starred people, and the "other contacts" that are not also saved. The live cards are the
// archive's cards, so both ways show the same numbers; and the tally reads lines, never parses a
// card, so the scan stays as quick as the requests allow.
import { ContactsBook, ContactsFileTally } from '../../../takeout/contacts-tally.ts';
import type { InventoryFacts } from '../../source.ts';

/** Every card read, as its unfolded lines (BEGIN:VCARD … END:VCARD). */
export function contactsFacts(cards: readonly (readonly string[])[]): InventoryFacts['contacts'] {
  const tally = new ContactsFileTally();
  cards.forEach((lines, index) => {
    tally.add({ type: 'card', lines, line: index + 1 });
  });
  const book = new ContactsBook();
  // One file holding everyone, as the archive's "All Contacts": it adds no label of its own.
  book.addFile('All Contacts', tally);
  return book.facts();
}
