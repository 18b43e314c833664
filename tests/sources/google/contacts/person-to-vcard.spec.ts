// One person of the People API → the card Google's exporter writes for them: every field, the
// labels as CATEGORIES, default avatars left out, year-less birthdays, escaping that no text
// can break, and a person whose data is not what the API documents named in a problem.
import type { people_v1 } from '@googleapis/people';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { personToVcard } from '../../../../src/sources/google/contacts/person-to-vcard.ts';
import type { GroupNames } from '../../../../src/sources/google/contacts/person-to-vcard.ts';
import { readCard } from '../../../../src/vcard/read-card.ts';
import { everyField, member } from './support/every-field-person.ts';

const groups: GroupNames = new Map([
  ['contactGroups/myContacts', 'myContacts'],
  ['contactGroups/starred', 'starred'],
  ['contactGroups/4f1a', 'Famille'],
  ['contactGroups/77b2', 'Club, de foot'],
]);

function cardOf(person: people_v1.Schema$Person): string {
  const result = personToVcard(person, groups);
  if (!result.ok) throw new Error(`not a card: ${JSON.stringify(result.problem)}`);
  return result.vcard;
}

/** The card's lines, unfolded. */
function lines(vcard: string): string[] {
  return vcard
    .replace(/\r\n /g, '')
    .split('\r\n')
    .filter((line) => line !== '');
}

describe('a person → the card Google’s exporter writes', () => {
  it('writes every field, in the exporter’s order, TYPEs and labels', () => {
    expect(lines(cardOf(everyField))).toEqual([
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Mme Alice Marie Martin',
      'N:Martin;Alice;Marie;Mme;',
      'NICKNAME:Lili',
      'X-PHONETIC-FIRST-NAME:Aliss',
      'X-PHONETIC-LAST-NAME:Martin',
      'EMAIL;TYPE=INTERNET;TYPE=HOME:alice@example.org',
      'EMAIL;TYPE=INTERNET;TYPE=WORK:alice@work.example',
      'EMAIL;TYPE=INTERNET:alice@other.example',
      'item1.EMAIL;TYPE=INTERNET:alice@club.example',
      'item1.X-ABLabel:Club',
      'X-SKYPE:alice.skype',
      'item2.IMPP:alice@matrix.example',
      'item2.X-ABLabel:Matrix',
      'TEL;TYPE=CELL:+33 6 12 34 56 78',
      'TEL;TYPE=WORK;TYPE=FAX:+33 1 23 45 67 89',
      'item3.TEL:+1 212 555 4567',
      'item3.X-ABLabel:GRAND_CENTRAL',
      'TEL:01 02 03 04 05',
      'ADR;TYPE=HOME:;;12 rue de la République\\nAppartement 4;Lyon;;69002;France',
      'item4.ADR:;;Chalet des Pins\\, Chamonix;;;;',
      'item4.X-ABLabel:Vacances',
      'ORG:Mairie;École',
      'TITLE:Directrice',
      'ROLE:Enseignante',
      'BDAY:1980-03-22',
      'item5.URL:https://blog.example.org/',
      'item5.X-ABLabel:BLOG',
      'URL;TYPE=WORK:https://work.example/',
      'item6.X-ABDATE:2005-06-18',
      'item6.X-ABLabel:_$!<Anniversary>!$_',
      'item7.X-ABRELATEDNAMES:Bruno Petit',
      'item7.X-ABLabel:_$!<Spouse>!$_',
      'item8.X-ABRELATEDNAMES:Tata Jeanne',
      'item8.X-ABLabel:Marraine',
      'IMPP;TYPE=HOME:sip:alice@voip.example',
      'CALURI:https://cal.example/alice',
      'item9.X-GOOGLE-LOCATION:Bureau 12',
      'item9.X-ABLabel:desk',
      'item10.X-GOOGLE-EXTERNAL-ID:A-42',
      'item10.X-ABLabel:customer',
      'item11.X-GOOGLE-KEYWORD:VIP',
      'item11.X-ABLabel:OUTLOOK_KEYWORD',
      'NOTE:Rencontrée à la kermesse\\, très gentille\\; toujours là.\\nTaille de chaussures: 38',
      'PHOTO:https://lh3.googleusercontent.com/contacts/alice',
      'CATEGORIES:myContacts,starred,Famille,Club\\, de foot',
      'END:VCARD',
    ]);
  });

  it('is read back by the engine with the values Google holds', () => {
    const read = readCard(cardOf(everyField));
    if (!read.ok) throw new Error(read.reason);
    expect(read.card.getFirstPropertyValue('note')).toBe(
      'Rencontrée à la kermesse, très gentille; toujours là.\nTaille de chaussures: 38',
    );
    expect(read.card.getFirstProperty('categories')?.getValues()).toEqual([
      'myContacts',
      'starred',
      'Famille',
      'Club, de foot',
    ]);
    expect(read.card.getFirstProperty('adr')?.getFirstValue()).toEqual([
      '',
      '',
      '12 rue de la République\nAppartement 4',
      'Lyon',
      '',
      '69002',
      'France',
    ]);
  });

  it('writes a year-less birthday as --MMDD, as Google does, and the engine reads it', () => {
    const vcard = cardOf({
      names: [{ displayName: 'Chloé Durand', givenName: 'Chloé', familyName: 'Durand' }],
      birthdays: [{ text: 'le 2 novembre' }, { date: { month: 11, day: 2 } }],
      events: [{ date: { year: 0, month: 2, day: 29 }, type: 'other' }],
    });
    expect(lines(vcard)).toContain('BDAY:--1102');
    expect(lines(vcard)).toContain('item1.X-ABDATE:--0229');
    expect(readCard(vcard).ok).toBe(true);
  });

  it('leaves Google’s default avatar out: no photo line at all', () => {
    const vcard = cardOf({
      names: [{ displayName: 'David Moreau' }],
      photos: [{ url: 'https://lh3.googleusercontent.com/cm/default-D', default: true }],
    });
    expect(vcard).not.toContain('PHOTO');
  });

  it('names CATEGORIES only with labels: system groups by Google’s words, no label none', () => {
    const vcard = cardOf({
      names: [{ displayName: 'Émile Garnier' }],
      memberships: [member('contactGroups/starred'), member('contactGroups/unknown')],
    });
    expect(lines(vcard)).toContain('CATEGORIES:starred');
    expect(cardOf({ names: [{ displayName: 'Nobody' }] })).not.toContain('CATEGORIES');
  });

  it('writes a person without a name as Google does (FN empty, N:;;;;)', () => {
    const vcard = cardOf({ emailAddresses: [{ value: 'inconnu@example.org' }] });
    expect(lines(vcard).slice(2, 5)).toEqual([
      'FN:',
      'N:;;;;',
      'EMAIL;TYPE=INTERNET:inconnu@example.org',
    ]);
  });

  it('names a person whose data is not what the API documents, in a problem', () => {
    const broken = {
      resourceName: 'people/c9',
      names: [{ displayName: 'Bruno Petit' }],
      emailAddresses: 'bruno@example.org',
    } as unknown as people_v1.Schema$Person;
    expect(personToVcard(broken, groups)).toEqual({
      ok: false,
      problem: {
        code: 'items.google-contact-unreadable',
        where: 'Bruno Petit',
        params: { detail: 'emailAddresses' },
      },
    });
    const badDate = {
      names: [{ displayName: 'Chloé Durand' }],
      birthdays: [{ date: { month: 13, day: 40 } }],
    };
    expect(personToVcard(badDate, groups)).toMatchObject({
      ok: false,
      problem: { where: 'Chloé Durand', params: { detail: 'birthdays' } },
    });
  });

  it('keeps any text as it is: no value can break its line or the card', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.string(), (note, name) => {
        const read = readCard(
          cardOf({
            names: [{ displayName: name, givenName: name }],
            biographies: [{ value: note }],
          }),
        );
        if (!read.ok) return false;
        const n = read.card.getFirstProperty('n')?.getFirstValue() as unknown;
        const written = note === '' ? null : note.replace(/\r\n|\r/g, '\n');
        return (
          (read.card.getFirstPropertyValue('note') ?? null) === written &&
          Array.isArray(n) &&
          n[1] === name.replace(/\r\n|\r/g, '\n')
        );
      }),
      { numRuns: 300 },
    );
  });
});
