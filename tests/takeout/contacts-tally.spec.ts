import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ContactsBook, ContactsFileTally } from '../../src/takeout/contacts-tally.ts';
import { readVCards } from '../../src/takeout/vcard-cards.ts';
import { sample, sampleNames } from './samples.ts';

async function file(input: Readable): Promise<ContactsFileTally> {
  const tally = new ContactsFileTally();
  for await (const item of readVCards(input)) tally.add(item);
  return tally;
}

const text = (value: string): Readable => Readable.from([Buffer.from(value)]);

const card = (lines: string[], eol = '\r\n'): string =>
  ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join(eol) + eol;

describe('contacts over every real Google sample', () => {
  const expected: Record<string, { count: number; labels: string[] }> = {
    'gcontacts-cozy-google-full.vcf': { count: 1, labels: [] },
    'gcontacts-ezvcard-gmail-list.vcf': { count: 3, labels: [] },
    'gcontacts-ezvcard-gmail-single.vcf': { count: 1, labels: [] },
    'gcontacts-issue-ms10217-empty-adr.vcf': { count: 2, labels: [] },
    // CATEGORIES:myContacts is Google's system group, not a label.
    'gcontacts-issue-nc3736-custom-labels.vcf': { count: 1, labels: [] },
    'gcontacts-issue-nc712-adr-extended.vcf': { count: 1, labels: [] },
  };

  it('has an expectation for every sample', () => {
    expect(Object.keys(expected).sort()).toEqual(sampleNames('.vcf'));
  });

  it.each(Object.entries(expected))('%s', async (name, facts) => {
    const book = new ContactsBook();
    book.addFile('All Contacts', await file(sample(name)));
    expect(book.facts()).toMatchObject(facts);
  });

  it('counts people once across every sample file given together (they are all different)', async () => {
    const book = new ContactsBook();
    for (const name of sampleNames('.vcf')) book.addFile(name, await file(sample(name)));
    // Only one sample is marked `myContacts`: given together, the others are "other contacts".
    expect(book.facts()).toMatchObject({ count: 1, otherContacts: 8 });
  });
});

describe('ContactsBook', () => {
  const alice = ['FN:Alice Martin', 'N:Martin;Alice;;;', 'EMAIL;TYPE=INTERNET:alice@example.org'];

  it('counts the same person once across label files, whatever the line ends, folds, trailing blanks and CATEGORIES', async () => {
    const book = new ContactsBook();
    book.addFile(
      'Tous les contacts',
      await file(text(card([...alice, 'CATEGORIES:myContacts,starred,Famille']))),
    );
    book.addFile(
      'Famille',
      await file(text(card([...alice, 'CATEGORIES:Famille,myContacts'], '\n'))),
    );
    book.addFile(
      'Favoris',
      await file(
        text(
          card([
            'FN:Alice Mar',
            ' tin  ',
            'N:Martin;Alice;;;',
            'EMAIL;TYPE=INTERNET:alice@example.org',
            'CATEGORIES:starred',
          ]),
        ),
      ),
    );
    expect(book.facts()).toEqual({ count: 1, labels: ['Famille'], starred: 1, otherContacts: 0 });
  });

  it('merges labels, leaves out Google’s system groups, and counts other contacts', async () => {
    const bob = ['FN:Bob', 'EMAIL:bob@example.org'];
    const auto = ['FN:', 'N:;;;;', 'EMAIL:noreply@shop.example'];
    const book = new ContactsBook();
    book.addFile(
      'All Contacts',
      await file(
        text(
          card([...alice, 'CATEGORIES:myContacts,Famille']) +
            card([...bob, 'CATEGORIES:myContacts,École,famille']) +
            card(auto),
        ),
      ),
    );
    expect(book.facts()).toEqual({
      count: 2,
      labels: ['École', 'Famille'],
      starred: 0,
      otherContacts: 1,
    });
  });

  it('takes a label folder’s name as a label when its cards carry no CATEGORIES', async () => {
    const bob = ['FN:Bob', 'EMAIL:bob@example.org'];
    const book = new ContactsBook();
    book.addFile('All Contacts', await file(text(card(alice) + card(bob))));
    book.addFile('Voisins', await file(text(card(bob))));
    expect(book.facts()).toMatchObject({ count: 2, labels: ['Voisins'], otherContacts: 0 });
  });
});
