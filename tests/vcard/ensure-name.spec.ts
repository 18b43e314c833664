import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { ensureName } from '../../src/vcard/ensure-name.ts';

const card = (...lines: string[]) =>
  new ICAL.Component(
    ICAL.parse(['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n')) as unknown[],
  );

describe('ensureName', () => {
  it.each([
    [['FN:', 'N:Doe;John;Richter\\, James;Mr.;Sr.'], 'Mr. John Richter, James Doe Sr.'],
    [['FN:', 'N:;;;;', 'NICKNAME:Gman'], 'Gman'],
    [['FN:', 'N:;;;;', 'ORG:SuperCorp;Sales'], 'SuperCorp Sales'],
    [['FN:', 'N:;;;;', 'EMAIL;TYPE=INTERNET:jeanne@example.org'], 'jeanne@example.org'],
    [['FN:', 'N:;;;;', 'TEL:+33 6 12 34 56 78'], '+33 6 12 34 56 78'],
    [['FN:Déjà là', 'N:;;;;', 'TEL:1'], 'Déjà là'],
  ])('%j → %s', (lines, name) => {
    const subject = card(...lines);
    expect(ensureName(subject)).toBe(name);
    expect(subject.getAllProperties('fn').map((p) => p.getFirstValue())).toEqual([name]);
  });

  it('adds the N a vCard 3.0 requires', () => {
    const subject = card('FN:Solo');
    ensureName(subject);
    expect(subject.toString()).toContain('N:;;;;');
  });

  it('finds no name in a card with nothing, or only an address and a note', () => {
    expect(ensureName(card('FN:', 'N:;;;;'))).toBeUndefined();
    expect(ensureName(card('FN:', 'ADR:;;1 rue;Lyon;;;', 'NOTE:hello'))).toBeUndefined();
  });
});
