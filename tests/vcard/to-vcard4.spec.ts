import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { readCard } from '../../src/vcard/read-card.ts';
import { toVcard4 } from '../../src/vcard/to-vcard4.ts';
import { SAMPLES } from './support/contacts-file.ts';

const card = (...lines: string[]) =>
  new ICAL.Component(
    ICAL.parse(
      ['BEGIN:VCARD', 'VERSION:3.0', 'FN:x', ...lines, 'END:VCARD'].join('\r\n'),
    ) as unknown[],
  );

/** Serialise, parse back with ical.js: what a 4.0 server would receive. */
const roundTrip = (subject: ICAL.Component) =>
  new ICAL.Component(ICAL.parse(toVcard4(subject).toString()) as unknown[]);

describe('toVcard4', () => {
  it('writes VERSION:4.0 first', () => {
    expect(toVcard4(card('N:;;;;')).toString()).toMatch(/^BEGIN:VCARD\r\nVERSION:4\.0\r\n/);
  });

  it('lower-cases types, drops INTERNET, turns PREF into PREF=1', () => {
    const parsed = roundTrip(
      card('EMAIL;TYPE=INTERNET;TYPE=HOME;TYPE=PREF:a@x', 'TEL;TYPE=CELL:+33 6'),
    );
    const email = parsed.getFirstProperty('email');
    expect([email?.getParameter('type'), email?.getFirstParameter('pref')]).toEqual(['home', '1']);
    const tel = parsed.getFirstProperty('tel');
    expect([tel?.getParameter('type'), tel?.type, tel?.getFirstValue()]).toEqual([
      'cell',
      'text',
      '+33 6',
    ]);
  });

  it('makes an embedded photo a data: URI', () => {
    const parsed = roundTrip(card('PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ'));
    expect(parsed.getFirstPropertyValue('photo')).toBe('data:image/jpeg;base64,/9j/4AAQ');
  });

  it('makes a UUID UID a urn:uuid URI', () => {
    const parsed = roundTrip(card('UID:da4f83cb-0508-5e31-b8a9-b377e6b51f80'));
    expect(parsed.getFirstPropertyValue('uid')).toBe(
      'urn:uuid:da4f83cb-0508-5e31-b8a9-b377e6b51f80',
    );
  });

  it('keeps year-less birthdays, groups, labels and X- properties', () => {
    const parsed = roundTrip(
      card(
        'BDAY:--1102',
        'item1.TEL:+1 555',
        'item1.X-ABLabel:GRAND_CENTRAL',
        'X-PHONETIC-FIRST-NAME:Grregg',
      ),
    );
    expect(String(parsed.getFirstPropertyValue('bday'))).toBe('--11-02');
    expect(parsed.getFirstProperty('tel')?.getFirstParameter('group')).toBe('item1');
    expect(parsed.getFirstPropertyValue('x-ablabel')).toBe('GRAND_CENTRAL');
    expect(parsed.getFirstPropertyValue('x-phonetic-first-name')).toBe('Grregg');
  });

  it('keeps every value of the richest Google sample', () => {
    const read = readCard(readFileSync(`${SAMPLES}gcontacts-cozy-google-full.vcf`, 'utf8'));
    if (!read.ok) throw new Error(read.reason);
    const parsed = roundTrip(read.card);
    const values = (component: ICAL.Component) =>
      component
        .getAllProperties()
        .filter((p) => p.name !== 'version')
        .map((p) =>
          JSON.stringify([
            p.name,
            (p.getFirstParameter('group') as string | undefined) ?? null,
            p.jCal.slice(3),
          ]),
        );
    expect(values(parsed)).toEqual(
      values(read.card).map((v) => v.replace('"1961-04-05"', '"1961-04-05"')),
    );
  });
});
