import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  discriminatorOf,
  foldText,
  identityOf,
  personKeyOf,
} from '../../src/vcard/card-identity.ts';

const card = (...lines: string[]) =>
  new ICAL.Component(
    ICAL.parse(['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n')) as unknown[],
  );

describe('card identity', () => {
  it('is the card without its labels', () => {
    const a = card('FN:Zoé', 'N:;Zoé;;;', 'CATEGORIES:myContacts,Famille');
    const b = card('FN:Zoé', 'N:;Zoé;;;', 'CATEGORIES:myContacts');
    const c = card('FN:Zoé', 'N:;Zoé;;;', 'TEL:1');
    expect(identityOf(a)).toBe(identityOf(b));
    expect(identityOf(a)).not.toBe(identityOf(c));
  });
});

describe('person key', () => {
  it('comes from the name, whatever the phone number', () => {
    const before = card('FN:Zoë Martin', 'N:Martin;Zoë;;;', 'TEL:01 02 03 04 05');
    const after = card('FN:Zoë Martin', 'N:MARTIN ;zoe;;;', 'TEL:06 07 08 09 10');
    expect(personKeyOf(before, 'x')).toEqual(personKeyOf(after, 'y'));
    expect(personKeyOf(before, 'x').kind).toBe('name');
  });

  it.each([
    [
      ['FN:', 'N:;;;;', 'EMAIL;TYPE=INTERNET:Jeanne@Example.org'],
      { kind: 'email', value: 'jeanne@example.org' },
    ],
    [['FN:', 'N:;;;;', 'TEL:+33 6 12-34'], { kind: 'phone', value: '+3361234' }],
    [['FN:', 'N:;;;;', 'ORG:La Poste'], { kind: 'org', value: 'la poste' }],
    [['FN:Solo'], { kind: 'name', value: 'solo' }],
    [['NOTE:rien'], { kind: 'content', value: 'id' }],
  ])('falls back in order: %j', (lines, expected) => {
    expect(personKeyOf(card(...lines), 'id')).toEqual(expected);
  });

  it('tells namesakes apart by e-mail, phone, then organisation', () => {
    expect(discriminatorOf(card('EMAIL:A@x', 'TEL:1'))).toBe('email:a@x');
    expect(discriminatorOf(card('TEL:01 23'))).toBe('phone:0123');
    expect(discriminatorOf(card('ORG:Acme'))).toBe('org:acme');
    expect(discriminatorOf(card('NOTE:x'))).toBe('');
  });

  it('folds case, accents and spaces', () => {
    expect(foldText('  Zoë   MARTIN-Ébène ')).toBe('zoe martin-ebene');
  });
});
