import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { removeGoogleArtefacts } from '../../src/vcard/remove-google-artefacts.ts';

const card = (...lines: string[]) =>
  new ICAL.Component(
    ICAL.parse(['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n')) as unknown[],
  );

describe('removeGoogleArtefacts', () => {
  it('drops the empty grouped address and its empty label, keeps real ones and other groups', () => {
    const subject = card(
      'FN:x',
      'item1.ADR:;;;;;;',
      'item1.X-ABLabel:',
      'item2.TEL:+1 555',
      'item2.X-ABLabel:GRAND_CENTRAL',
      'ADR;TYPE=HOME:;;12 rue des Lilas;Nantes;;44000;France',
    );
    removeGoogleArtefacts(subject);
    const text = subject.toString();
    expect(text).not.toContain('ITEM1');
    expect(text).toContain('ITEM2.TEL:+1 555');
    expect(text).toContain('ITEM2.X-ABLABEL:GRAND_CENTRAL');
    expect(text).toContain('ADR;TYPE=HOME:;;12 rue des Lilas;Nantes;;44000;France');
  });

  it('unescapes colons in URLs', () => {
    const subject = card(
      'FN:x',
      'URL;TYPE=WORK:http\\://www.ibm.com',
      'item1.URL:https\\\\://b.example/a\\:b',
    );
    removeGoogleArtefacts(subject);
    expect(subject.getAllProperties('url').map((p) => p.getFirstValue())).toEqual([
      'http://www.ibm.com',
      'https://b.example/a:b',
    ]);
  });
});
