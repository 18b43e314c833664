import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCard, recoverLines } from '../../src/vcard/read-card.ts';
import { HOSTILE, SAMPLES } from './support/contacts-file.ts';

describe('readCard', () => {
  it('glues back the continuation lines that lost their fold space (cozy sample)', () => {
    const read = readCard(readFileSync(`${SAMPLES}gcontacts-cozy-google-full.vcf`, 'utf8'));
    if (!read.ok) throw new Error(read.reason);
    expect(read.recoveredFolding).toBe(true);
    const home = read.card.getAllProperties('adr')[0];
    expect(home?.getFirstValue()).toEqual([
      '',
      '',
      '678 Plain Home Address\nAll one field 354\nBridgeport CT 06834',
      '',
      '',
      '',
      '',
    ]);
    expect(read.card.getFirstPropertyValue('note')).toBe(
      'Blah, blah\n\nblah blah blah.\n\nblahblah\nCustom: Custom field data\nArbitrary_String: Another custom field',
    );
  });

  it('leaves well-folded cards alone, two-space continuations included', () => {
    const { lines, recovered } = recoverLines('BEGIN:VCARD\r\nNOTE:a\r\n  b\r\nEND:VCARD\r\n');
    expect(recovered).toBe(false);
    expect(lines).toEqual(['BEGIN:VCARD', 'NOTE:a b', 'END:VCARD']);
  });

  it.each([
    ['broken-card.vcf', 'Broken "Quote'],
    ['card-without-end.vcf', 'Sans fin'],
  ])('names an unreadable card (%s) by what can be read of it', (name, hint) => {
    const read = readCard(readFileSync(HOSTILE + name, 'utf8'));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.hint).toBe(hint);
  });
});

describe('readCard and escaped semicolons', () => {
  it('decodes \\; in every TEXT value, as RFC 2426 says, and keeps X- values raw', () => {
    const read = readCard(
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dupont\\; Martin\r\nNOTE:Lundi\\; mardi\\\\; fin\\,\\;\\;\r\nN:Dupont\\;;Jean;;;\r\nX-CUSTOM:a\\;b\r\nEND:VCARD\r\n',
    );
    if (!read.ok) throw new Error(read.reason);
    expect(read.card.getFirstPropertyValue('fn')).toBe('Dupont; Martin');
    expect(read.card.getFirstPropertyValue('note')).toBe('Lundi; mardi\\; fin,;;');
    expect(read.card.getFirstPropertyValue('n')).toEqual(['Dupont;', 'Jean', '', '', '']);
    expect(read.card.getFirstPropertyValue('x-custom')).toBe('a\\;b');
  });
});
