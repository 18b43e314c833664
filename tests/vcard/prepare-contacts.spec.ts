import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import type ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { FetchLike } from '../../src/net/fetch-like.ts';
import type {
  ContactOutcome,
  ContactResource,
  PrepareContactsOptions,
} from '../../src/vcard/prepare-contacts.ts';
import { prepareContacts } from '../../src/vcard/prepare-contacts.ts';
import { readCard } from '../../src/vcard/read-card.ts';
import { surveyAddressBook } from '../../src/vcard/survey-address-book.ts';
import {
  cardsOfFiles,
  HOSTILE,
  SAMPLES,
  sourceOfCards,
  splitCards,
} from './support/contacts-file.ts';

const v3: PrepareContactsOptions = { version: '3.0', starredLabel: 'Favoris' };
const v4: PrepareContactsOptions = { version: '4.0', starredLabel: 'Favoris' };

async function prepare(cards: readonly string[], options: PrepareContactsOptions = v3) {
  const source = sourceOfCards(cards);
  const survey = await surveyAddressBook(source);
  const outcomes: ContactOutcome[] = [];
  for await (const outcome of prepareContacts(source, survey, options)) outcomes.push(outcome);
  return { survey, outcomes, opened: source.opened };
}

const ready = (outcomes: readonly ContactOutcome[]): ContactResource[] =>
  outcomes.flatMap((outcome) => (outcome.status === 'ready' ? [outcome.resource] : []));

/**
 * Reads a stored card back with ical.js, through readCard's escape fix: bare ical.js misreads
 * `N:;\\;;;` (a name ending in a backslash), which is what RFC 2426 asks us to write.
 */
function parse(resource: ContactResource | undefined): ICAL.Component {
  const read = readCard(resource?.vcard ?? '');
  if (!read.ok) throw new Error(read.reason);
  expect(read.recoveredFolding).toBe(false);
  return read.card;
}

/** What CardDAV servers require of a stored card (RFC 6352 §5.1, FN and UID). */
function expectStorable(resource: ContactResource): void {
  expect(resource.vcard).toMatch(
    new RegExp(`^BEGIN:VCARD\\r\\nVERSION:${resource.version.replace('.', '\\.')}\\r\\n`),
  );
  const card = parse(resource);
  expect(card.getAllProperties('uid')).toHaveLength(1);
  expect(String(card.getFirstPropertyValue('uid')).endsWith(resource.uid)).toBe(true);
  expect(String(card.getFirstPropertyValue('fn')).trim()).not.toBe('');
  if (resource.version === '3.0') expect(card.hasProperty('n')).toBe(true);
  expect(resource.resourceName).toMatch(/^[0-9a-f]{40}\.vcf$/);
  expect(resource.vcard.endsWith('\r\n')).toBe(true);
  expect(resource.vcard).not.toMatch(/[^\r]\n/);
}

const samples = readdirSync(SAMPLES).filter((name) => name.endsWith('.vcf'));
const allSampleCards = cardsOfFiles(...samples.map((name) => SAMPLES + name));

describe('prepareContacts on Google-written samples', () => {
  it.each([v3, v4])('every card arrives storable (vCard $version)', async (options) => {
    const { outcomes, survey, opened } = await prepare(allSampleCards, options);
    expect(outcomes.every((outcome) => outcome.status === 'ready')).toBe(true);
    expect(ready(outcomes)).toHaveLength(survey.distinct);
    expect(survey.distinct).toBe(allSampleCards.length);
    for (const resource of ready(outcomes)) expectStorable(resource);
    expect(opened).toBe(2);
  });

  it('keeps grouped properties and their labels; unescapes URLs', async () => {
    const { outcomes } = await prepare(cardsOfFiles(`${SAMPLES}gcontacts-cozy-google-full.vcf`));
    const card = parse(ready(outcomes)[0]);
    const labels = card.getAllProperties('x-ablabel');
    expect(labels).toHaveLength(24);
    expect(card.getAllProperties('url').map((p) => p.getFirstValue())).toContain(
      'http://profile.example.com/',
    );
    const grandCentral = card
      .getAllProperties('tel')
      .find((p) => p.getFirstParameter('group') === 'item2');
    expect(grandCentral?.getFirstValue()).toBe('+1 212 555 4567');
  });

  it('drops Google’s empty address without a word', async () => {
    const { outcomes } = await prepare(
      cardsOfFiles(`${SAMPLES}gcontacts-issue-ms10217-empty-adr.vcf`),
    );
    expect(outcomes.flatMap((o) => o.problems)).toEqual([]);
    for (const resource of ready(outcomes)) {
      expect(parse(resource).hasProperty('adr')).toBe(false);
      expect(parse(resource).hasProperty('x-ablabel')).toBe(false);
    }
  });

  it('leaves “My Contacts” out of the labels but remembers it', async () => {
    const { outcomes } = await prepare(
      cardsOfFiles(`${SAMPLES}gcontacts-issue-nc3736-custom-labels.vcf`),
    );
    const [resource] = ready(outcomes);
    expect(resource?.inMyContacts).toBe(true);
    expect(parse(resource).hasProperty('categories')).toBe(false);
    expect(
      parse(resource)
        .getAllProperties('x-ablabel')
        .map((p) => p.getFirstValue()),
    ).toEqual(['J Cell', 'J Cell Pix', 'N Cell', 'Old Cell']);
  });
});

describe('prepareContacts on hostile cards', () => {
  it('one person in several label files is one card with all the labels', async () => {
    const { outcomes, survey } = await prepare(
      cardsOfFiles(`${HOSTILE}camille-all-contacts.vcf`, `${HOSTILE}camille-label-file.vcf`),
    );
    expect([survey.cards, survey.distinct, survey.labels]).toEqual([2, 1, ['Famille', 'Voisins']]);
    const [resource] = ready(outcomes);
    expect(ready(outcomes)).toHaveLength(1);
    expect(parse(resource).getFirstProperty('categories')?.getValues()).toEqual([
      'Favoris',
      'Famille',
      'Voisins',
    ]);
  });

  it('names a contact known only by an e-mail address', async () => {
    const { outcomes } = await prepare(cardsOfFiles(`${HOSTILE}empty-fn-and-n.vcf`));
    expect(ready(outcomes)[0]?.where).toBe('jeanne.leclerc@example.org');
    expect(parse(ready(outcomes)[0]).getFirstPropertyValue('fn')).toBe(
      'jeanne.leclerc@example.org',
    );
  });

  it('does not send a card with nothing in it, and says so', async () => {
    const { outcomes } = await prepare(cardsOfFiles(`${HOSTILE}nothing-to-name.vcf`));
    expect(outcomes).toEqual([
      {
        status: 'not-sent',
        where: 'Contacts #1',
        problems: [{ code: 'items.contact-empty', where: 'Contacts #1', params: {} }],
      },
    ]);
  });

  it('keeps both TITLE lines and a birthday without a year', async () => {
    const titles = ready((await prepare(cardsOfFiles(`${HOSTILE}two-title-lines.vcf`))).outcomes);
    expect(
      parse(titles[0])
        .getAllProperties('title')
        .map((p) => p.getFirstValue()),
    ).toEqual(['Adjointe au maire', 'Conseillère régionale']);
    for (const options of [v3, v4]) {
      const [rose] = ready(
        (await prepare(cardsOfFiles(`${HOSTILE}bday-without-year.vcf`), options)).outcomes,
      );
      expect(rose?.vcard).toContain('BDAY;VALUE=DATE:--1102');
    }
  });

  it('never merges namesakes', async () => {
    const { outcomes } = await prepare(cardsOfFiles(`${HOSTILE}namesakes.vcf`));
    expect(new Set(ready(outcomes).map((r) => r.uid)).size).toBe(3);
  });

  it('keeps a UID the card already has', async () => {
    const [card] = ready((await prepare(cardsOfFiles(`${HOSTILE}card-with-own-uid.vcf`))).outcomes);
    expect(card?.uid).toBe('0f1e2d3c-aaaa-4bbb-8ccc-123456789abc');
  });

  it('removes control characters', async () => {
    const [card] = ready(
      (await prepare(cardsOfFiles(`${HOSTILE}control-characters.vcf`))).outcomes,
    );
    expect(parse(card).getFirstPropertyValue('fn')).toBe('Lucie Bernard');
    expect(parse(card).getFirstPropertyValue('note')).toBe('Copié');
  });

  it('a broken card costs that card only, and is reported once', async () => {
    const broken = cardsOfFiles(`${HOSTILE}broken-card.vcf`);
    const { outcomes } = await prepare([
      ...cardsOfFiles(`${HOSTILE}two-title-lines.vcf`),
      ...broken,
      ...broken,
      ...cardsOfFiles(`${HOSTILE}bday-without-year.vcf`),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['ready', 'not-sent', 'ready']);
    expect(outcomes[1]?.problems[0]?.code).toBe('items.contact-unreadable');
    expect(outcomes[1]?.problems[0]?.where).toBe('Broken "Quote');
  });
});

describe('photos', () => {
  const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
  const calls: string[] = [];
  const fetch: FetchLike = (url) => {
    calls.push(url);
    return Promise.resolve(
      new Response(jpeg, { status: 200, headers: { 'content-type': 'image/jpeg' } }),
    );
  };

  it('are embedded, as vCard 3.0 base64 or a vCard 4.0 data: URI', async () => {
    const cards = cardsOfFiles(`${HOSTILE}remote-photo.vcf`);
    const [three] = ready((await prepare(cards, { ...v3, photos: { fetch } })).outcomes);
    expect(three?.vcard).toContain(
      `PHOTO;ENCODING=b;TYPE=JPEG:${Buffer.from(jpeg).toString('base64')}`,
    );
    const [four] = ready((await prepare(cards, { ...v4, photos: { fetch } })).outcomes);
    expect(parse(four).getFirstPropertyValue('photo')).toBe(
      `data:image/jpeg;base64,${Buffer.from(jpeg).toString('base64')}`,
    );
  });

  it('over plain http are never fetched: the contact goes without, and it is said', async () => {
    calls.length = 0;
    const { outcomes } = await prepare(cardsOfFiles(`${HOSTILE}photo-over-http.vcf`), {
      ...v3,
      photos: { fetch },
    });
    expect(calls).toEqual([]);
    const [outcome] = outcomes;
    expect(outcome?.status).toBe('ready');
    expect(outcome?.problems).toEqual([
      {
        code: 'items.contact-photo-refused',
        where: 'Paul Clair',
        params: { uid: expect.any(String) as string },
      },
    ]);
    expect(parse(ready(outcomes)[0]).hasProperty('photo')).toBe(false);
  });
});

describe('stable UIDs', () => {
  it('find the same person in a newer export where the phone number changed', async () => {
    const text = readFileSync(`${SAMPLES}gcontacts-ezvcard-gmail-single.vcf`, 'utf8');
    const [before] = ready((await prepare(splitCards(text))).outcomes);
    const [after] = ready(
      (await prepare(splitCards(text.replace('555 555 1111', '06 12 34 56 78')))).outcomes,
    );
    expect(after?.uid).toBe(before?.uid);
    expect(after?.contentHash).not.toBe(before?.contentHash);
  });

  it('do not depend on the order of the cards, and differ between distinct cards', async () => {
    const cards = [...allSampleCards, ...cardsOfFiles(`${HOSTILE}namesakes.vcf`)];
    const reference = new Map(
      ready((await prepare(cards)).outcomes).map((r) => [
        `${r.where}|${String(r.vcard.length)}`,
        r.uid,
      ]),
    );
    expect(new Set(reference.values()).size).toBe(cards.length);
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(cards, { minLength: cards.length, maxLength: cards.length }),
        async (shuffled) => {
          const uids = new Map(
            ready((await prepare(shuffled)).outcomes).map((r) => [
              `${r.where}|${String(r.vcard.length)}`,
              r.uid,
            ]),
          );
          expect(uids).toEqual(reference);
        },
      ),
      { numRuns: 20, seed: 7 },
    );
  });

  it('and contents hashes are the same from run to run', async () => {
    const first = ready((await prepare(allSampleCards)).outcomes).map((r) => r.contentHash);
    const second = ready((await prepare(allSampleCards)).outcomes).map((r) => r.contentHash);
    expect(second).toEqual(first);
  });
});

describe('round trip', () => {
  const text = fc.string({
    unit: fc.constantFrom('a', 'é', ' ', ',', ';', '\\', ':', '\n', 'Z', '漢', '"'),
    maxLength: 20,
  });
  const contact = fc.record({
    family: text,
    given: text,
    note: text,
    email: fc.emailAddress(),
    phone: fc.stringMatching(/^\+?[0-9 ]{4,14}$/),
  });
  const escape = (value: string) =>
    value
      .replace(/\\/g, '\\\\')
      .replace(/\n/g, '\\n')
      .replace(/([,;])/g, '\\$1');

  it('every value comes back through ical.js, in vCard 3.0 and 4.0', async () => {
    await fc.assert(
      fc.asyncProperty(contact, fc.constantFrom(v3, v4), async (person, options) => {
        const card = [
          'BEGIN:VCARD',
          'VERSION:3.0',
          'FN:',
          `N:${escape(person.family)};${escape(person.given)};;;`,
          `EMAIL;TYPE=INTERNET:${person.email}`,
          `TEL;TYPE=CELL:${person.phone}`,
          `NOTE:${escape(person.note)}`,
          'END:VCARD',
          '',
        ].join('\r\n');
        const [resource] = ready((await prepare([card], options)).outcomes);
        if (!resource) throw new Error('not sent');
        expectStorable(resource);
        const parsed = parse(resource);
        expect(parsed.getFirstPropertyValue('n')).toEqual([
          person.family,
          person.given,
          '',
          '',
          '',
        ]);
        expect(parsed.getFirstPropertyValue('email')).toBe(person.email);
        expect(parsed.getFirstPropertyValue('tel')).toBe(person.phone);
        expect(parsed.getFirstPropertyValue('note')).toBe(person.note);
      }),
      { numRuns: 100, seed: 11 },
    );
  });
});

describe('labelsFor', () => {
  it('drops Google’s “My Contacts” and names “starred” in the family’s language', async () => {
    const { labelsFor } = await import('../../src/vcard/prepare-contacts.ts');
    expect(labelsFor(['myContacts', 'starred', 'Famille', 'starred'], 'Favoris')).toEqual([
      'Favoris',
      'Famille',
    ]);
  });
});
