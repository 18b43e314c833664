// What the walk keeps for Photos and Keep, read through the Takeout source from hand-made
// archives: the folders found by content whatever their names, a sidecar too large or broken
// named and its picture undated, a sidecar in another part than its picture, a long note, a
// broken note named while the others go on, a missing attachment told for the notes only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProblemFact } from '../../../src/contract/problem.ts';
import { openTakeoutSource } from '../../../src/sources/takeout/open-takeout-source.ts';
import { writeZip } from '../../fixtures/takeout/zip-writer.ts';

const signal = new AbortController().signal;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-photos-rules-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));
const sidecar = (title: string, taken: number, more: Record<string, unknown> = {}) =>
  json({ title, photoTakenTime: { timestamp: String(taken), formatted: '' }, ...more });
const note = (title: string, text: string, more: Record<string, unknown> = {}) =>
  json({
    color: 'DEFAULT',
    isTrashed: false,
    isPinned: false,
    isArchived: false,
    textContent: text,
    title,
    userEditedTimestampUsec: 1_700_000_000_000_000,
    createdTimestampUsec: 1_700_000_000_000_000,
    ...more,
  });

async function read(parts: { name: string; data: Buffer }[][]) {
  const paths = parts.map((entries, index) => {
    const path = join(dir, `takeout-20250314T091500Z-00${index + 1}-${Math.random()}.zip`);
    writeZip(
      path,
      entries.map((entry) => ({ ...entry, name: `Takeout/${entry.name}` })),
    );
    return path;
  });
  const source = await openTakeoutSource(paths, { tmpDir: null });
  const problems: ProblemFact[] = [];
  try {
    const inventory = await source.read({ signal, onProblem: (p) => problems.push(p) });
    return { inventory, problems };
  } finally {
    await source.close();
  }
}

describe('the Takeout source reads Photos and Keep by their content', () => {
  it('finds folders of any name, and a sidecar in another part than its picture', async () => {
    const pictures = Array.from({ length: 12 }, (_, i) => `Bilder/Jahr/P${i}.jpg`);
    const { inventory, problems } = await read([
      [
        ...pictures.map((name) => ({ name, data: Buffer.alloc(50) })),
        { name: 'Unterlagen/Rechnung.pdf', data: Buffer.alloc(30) },
        { name: 'Unterlagen/Brief.docx', data: Buffer.alloc(30) },
        { name: 'Zettel/Einkauf.json', data: note('Einkauf', 'Brot') },
        { name: 'Zettel/Einkauf.html', data: Buffer.from('<p>Brot</p>') },
      ],
      pictures.map((name, i) => ({
        name: `${name}.json`,
        data: sidecar(name.slice(11), 1000 + i),
      })),
    ]);
    expect(problems).toEqual([]);
    expect(inventory.facts.photos).toMatchObject({ folder: 'Bilder', count: 12, undated: 0 });
    expect(inventory.photos?.photos.find((p) => p.key === 'Bilder/Jahr/P3.jpg')?.taken).toEqual(
      new Date(1_003_000),
    );
    expect(inventory.facts.notes).toMatchObject({ folder: 'Zettel', count: 1 });
    expect(inventory.notes?.notes.map((n) => n.key)).toEqual(['Zettel/Einkauf.json']);
    // Drive is the family's files, never the Photos folder.
    expect(inventory.facts.files.folder).toBe('Unterlagen');
    expect(inventory.facts.others).toEqual([]);
  });

  it('names a sidecar too large or broken; its picture moves undated', async () => {
    const people = Array.from({ length: 5000 }, (_, i) => ({ name: `Personne ${i}` }));
    const { inventory, problems } = await read([
      [
        { name: 'Google Photos/2020/A.jpg', data: Buffer.alloc(10) },
        { name: 'Google Photos/2020/A.jpg.json', data: sidecar('A.jpg', 5, { people }) },
        { name: 'Google Photos/2020/B.jpg', data: Buffer.alloc(10) },
        {
          name: 'Google Photos/2020/B.jpg.json',
          data: Buffer.from('{"title":"B.jpg","photoTakenTime":{"timest'),
        },
        { name: 'Google Photos/2020/C.jpg', data: Buffer.alloc(10) },
        {
          name: 'Google Photos/2020/C.jpg.json',
          // Larger than the sniff, still read: people listed after the date.
          data: sidecar('C.jpg', 7, { people: people.slice(0, 300) }),
        },
      ],
    ]);
    expect(problems).toEqual([
      { code: 'takeout.photo-sidecar-unreadable', where: 'Google Photos/2020/A.jpg.json' },
      { code: 'takeout.photo-sidecar-unreadable', where: 'Google Photos/2020/B.jpg.json' },
    ]);
    expect(inventory.photos?.photos.map((p) => [p.key, p.taken])).toEqual([
      ['Google Photos/2020/A.jpg', null],
      ['Google Photos/2020/B.jpg', null],
      ['Google Photos/2020/C.jpg', new Date(7000)],
    ]);
    expect(inventory.facts.photos.undated).toBe(2);
  });

  it('reads a long note, names a broken one and a missing attachment, the others go on', async () => {
    const long = 'Une très longue recette. '.repeat(1000);
    const { inventory, problems } = await read([
      [
        { name: 'Keep/Recette.json', data: note('Recette', long) },
        { name: 'Keep/Cassée.json', data: note('Cassée', 'abîmée').subarray(0, 90) },
        {
          name: 'Keep/Photo.json',
          data: note('Photo', '', {
            attachments: [{ filePath: 'abc.def.jpg', mimetype: 'image/jpeg' }],
          }),
        },
      ],
    ]);
    expect(problems).toEqual([{ code: 'takeout.keep-note-unreadable', where: 'Keep/Cassée.json' }]);
    expect(inventory.notes?.notes.map((n) => n.key)).toEqual([
      'Keep/Photo.json',
      'Keep/Recette.json',
    ]);
    expect(inventory.notes?.notes[1]?.note.textContent).toBe(long);
    expect(inventory.kindProblems).toEqual([
      {
        kind: 'notes',
        problem: {
          code: 'takeout.keep-attachment-missing',
          where: 'Keep/Photo.json',
          params: { file: 'abc.def.jpg' },
        },
      },
    ]);
  });
});
