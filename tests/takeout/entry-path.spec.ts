import { describe, expect, it } from 'vitest';
import {
  checkEntryPath,
  extensionOf,
  stripExportRoot,
  topFolder,
} from '../../src/takeout/entry-path.ts';

describe('checkEntryPath', () => {
  it.each([
    ['Takeout/Agenda/Famille.ics', 'Agenda/Famille.ics'],
    [
      'takeout-20190328T195144Z-001/Takeout/Contacts/Tous les contacts/Tous les contacts.vcf',
      'Contacts/Tous les contacts/Tous les contacts.vcf',
    ],
    ['takeout-20260318T202441Z-3-002/Takeout/Drive/a.pdf', 'Drive/a.pdf'],
    ['./Takeout//Drive/./b.pdf', 'Drive/b.pdf'],
    // A folder named like a part but with no Takeout root inside is the family's own folder.
    ['takeout-20190328T195144Z-001/notes.txt', 'takeout-20190328T195144Z-001/notes.txt'],
    ['Drive/Takeout/c.txt', 'Drive/Takeout/c.txt'],
  ])('%s → %s', (raw, path) => {
    expect(checkEntryPath(raw)).toEqual({ path });
  });

  it('normalises to NFC (macOS writes names decomposed)', () => {
    expect(checkEntryPath('Takeout/Te\u0301le\u0301chargements/e\u0301te\u0301.jpg')).toEqual({
      path: 'Téléchargements/été.jpg',
    });
  });

  it.each([
    ['Takeout/../../etc/passwd', 'parent'],
    ['../evil.sh', 'parent'],
    ['/etc/cron.d/evil', 'absolute'],
    ['\\\\server\\share\\x', 'absolute'],
    ['C:/Windows/evil.dll', 'drive'],
    ['c:evil.dll', 'drive'],
    ['Takeout\\..\\..\\evil.bat', 'parent'],
    ['Takeout\\Drive\\x.txt', 'backslash'],
    ['Takeout/Drive/bell\u0007.txt', 'control'],
    ['Takeout/nul\u0000.txt', 'control'],
    ['Takeout/', 'empty'],
  ])('refuses %s (%s)', (raw, reason) => {
    expect(checkEntryPath(raw)).toEqual({ unsafe: reason });
  });
});

describe('path helpers', () => {
  it('splits off the top folder and the extension', () => {
    expect(topFolder('Drive/a/b.PDF')).toBe('Drive');
    expect(topFolder('archive_browser.html')).toBe('');
    expect(extensionOf('Drive/a/b.PDF')).toBe('pdf');
    expect(extensionOf('Drive/.bashrc')).toBe('');
    expect(extensionOf('Drive/Makefile')).toBe('');
  });

  it('strips the roots only at the start', () => {
    expect(stripExportRoot(['Takeout', 'Takeout', 'x'])).toEqual(['Takeout', 'x']);
  });
});
