import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { findDriveFolder, folderStats, summariseDrive } from '../../src/takeout/drive-files.ts';
import type { TakeoutEntry } from '../../src/takeout/takeout-source.ts';

const entry = (path: string, size = 100): TakeoutEntry => ({
  path,
  size,
  mtime: null,
  part: 0,
  open: () => Promise.resolve(Readable.from([])),
});

describe('Drive files', () => {
  it('counts files and bytes, office documents by format, and what cannot move', () => {
    const facts = summariseDrive([
      entry('Drive/Lettre.docx', 10),
      entry('Drive/Budget.ods', 20),
      entry('Drive/Photo.jpg', 30),
      entry('Drive/Lettre.docx-info.json', 5),
      entry('Drive/Sondage.gform', 1),
      entry('Drive/Site.gsite', 1),
      entry('Drive/Carte.gmap', 1),
      entry('Drive/Vers Budget.glink', 1),
      entry('Drive/Doc.gdoc', 1),
    ]);
    expect(facts).toEqual({
      count: 3,
      bytes: 60,
      documents: { count: 2, byFormat: { docx: 1, ods: 1 } },
      cannotMove: [
        { where: 'Drive/Carte.gmap', kind: 'map' },
        { where: 'Drive/Doc.gdoc', kind: 'other' },
        { where: 'Drive/Site.gsite', kind: 'site' },
        { where: 'Drive/Sondage.gform', kind: 'form' },
        { where: 'Drive/Vers Budget.glink', kind: 'shortcut' },
      ],
      movable: expect.any(Array) as unknown,
    });
    expect(facts.movable.map((one) => one.path)).toEqual([
      'Drive/Lettre.docx',
      'Drive/Budget.ods',
      'Drive/Photo.jpg',
    ]);
  });

  it('keeps an -info.json that is not next to its file', () => {
    expect(summariseDrive([entry('Drive/notes-info.json')]).count).toBe(1);
  });

  it('finds Drive by its known name, else by what it holds', () => {
    const chrome = folderStats('Chrome', [
      entry('Chrome/History.json'),
      entry('Chrome/Bookmarks.html'),
    ]);
    const books = folderStats('Livres', [
      entry('Livres/a.pdf'),
      entry('Livres/a.json'),
      entry('Livres/b.json'),
    ]);
    const files = folderStats('Mes fichiers', [
      entry('Mes fichiers/a.docx'),
      entry('Mes fichiers/b.xlsx'),
      entry('Mes fichiers/c.jpg'),
    ]);
    const drive = folderStats('Drive', [entry('Drive/a.txt')]);
    expect(findDriveFolder([chrome, books, files, drive])).toBe('Drive');
    expect(findDriveFolder([chrome, books, files])).toBe('Mes fichiers');
    expect(findDriveFolder([chrome, books])).toBeNull();
  });
});
