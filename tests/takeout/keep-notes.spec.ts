// Keep's rules on hand-made trees: trashed notes counted and left out, attachments found by the
// note's filePath (`.jpeg` named, `.jpg` written), a missing one named.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { KeepNote } from '../../src/notes/keep-note.ts';
import { readKeepNotes } from '../../src/takeout/keep-notes.ts';
import type { TakeoutEntry } from '../../src/takeout/takeout-source.ts';

function entry(path: string, size = 10): TakeoutEntry {
  return {
    path,
    size,
    mtime: null,
    part: 0,
    open: () => Promise.resolve(Readable.from([Buffer.alloc(size)])),
  };
}

describe('readKeepNotes', () => {
  const notes = new Map<string, KeepNote>([
    [
      'Keep/Courses.json',
      { title: 'Courses', textContent: 'pain', labels: [{ name: 'Maison' }], isArchived: true },
    ],
    ['Keep/Vieille.json', { title: 'Vieille', textContent: 'x', isTrashed: true }],
    [
      'Keep/Photo.json',
      {
        title: 'Photo',
        textContent: '',
        labels: [{ name: 'École' }, { name: 'Maison' }],
        attachments: [
          { filePath: '16870f5d424.b8e0ea45ca8777dd.jpeg', mimetype: 'image/jpeg' },
          { filePath: '1687aaaa.bbbb.3gp', mimetype: 'audio/3gpp' },
          { filePath: '1688cccc.dddd.png', mimetype: 'image/png' },
        ],
      },
    ],
    // Elsewhere than the Keep folder: not one of its notes.
    ['Autre/Note.json', { title: 'Note', textContent: 'y' }],
  ]);
  const entries = [
    'Keep/Courses.json',
    'Keep/Courses.html',
    'Keep/Vieille.json',
    'Keep/Vieille.html',
    'Keep/Photo.json',
    'Keep/Photo.html',
    'Keep/16870f5d424.b8e0ea45ca8777dd.jpg',
    'Keep/1687aaaa.bbbb.3gp',
  ].map((path) => entry(path));

  it('gives each note once from its JSON, trashed ones counted apart', () => {
    const keep = readKeepNotes('Keep', notes, entries);
    expect(keep.notes.map((note) => note.key)).toEqual(['Keep/Courses.json', 'Keep/Photo.json']);
    expect(keep.trashed).toBe(1);
    expect(keep.summary).toEqual({
      folder: 'Keep',
      count: 2,
      archived: 1,
      trashed: 1,
      attachments: 2,
      labels: ['École', 'Maison'],
    });
  });

  it('finds a `.jpeg` attachment written as `.jpg`, and names the one the export lacks', () => {
    const keep = readKeepNotes('Keep', notes, entries);
    expect(keep.notes[1]?.attachments).toEqual([
      {
        filePath: '16870f5d424.b8e0ea45ca8777dd.jpeg',
        key: 'Keep/16870f5d424.b8e0ea45ca8777dd.jpg',
        size: 10,
      },
      { filePath: '1687aaaa.bbbb.3gp', key: 'Keep/1687aaaa.bbbb.3gp', size: 10 },
    ]);
    expect(keep.problems).toEqual([
      {
        code: 'takeout.keep-attachment-missing',
        where: 'Keep/Photo.json',
        params: { file: '1688cccc.dddd.png' },
      },
    ]);
    expect([...keep.entries.keys()].sort()).toEqual([
      'Keep/16870f5d424.b8e0ea45ca8777dd.jpg',
      'Keep/1687aaaa.bbbb.3gp',
    ]);
  });

  it('never takes a file outside the note’s folder for an attachment', () => {
    const sly = new Map<string, KeepNote>([
      ['Keep/N.json', { textContent: '', attachments: [{ filePath: '../Drive/secret.pdf' }] }],
    ]);
    const keep = readKeepNotes('Keep', sly, [entry('Keep/N.json'), entry('Drive/secret.pdf')]);
    expect(keep.notes[0]?.attachments).toEqual([]);
    expect(keep.problems.map((problem) => problem.code)).toEqual([
      'takeout.keep-attachment-missing',
    ]);
  });
});
