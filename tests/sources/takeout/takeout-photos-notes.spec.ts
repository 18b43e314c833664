// The family's Google Photos and Keep, generated with every quirk of Google's export
// (tests/fixtures/takeout/photos-export.ts, keep-export.ts), read through the Takeout source as
// zip (3 parts), tgz (2 parts) and unpacked folders: each picture once with its name, date,
// albums, edited and live links; each note; the bytes fed are the generator's.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProblemFact } from '../../../src/contract/problem.ts';
import { openTakeoutSource } from '../../../src/sources/takeout/open-takeout-source.ts';
import type { SourceInventory } from '../../../src/sources/source.ts';
import { buildTakeout } from '../../fixtures/takeout/build-takeout.ts';
import type { BuildOptions } from '../../fixtures/takeout/build-takeout.ts';
import { edgePhotos, familyMemoriesSpec } from '../../fixtures/takeout/family-spec.ts';
import { expectedNotes } from '../../fixtures/takeout/keep-export.ts';
import { expectedPhotos } from '../../fixtures/takeout/photos-export.ts';
import { folderNames } from '../../fixtures/takeout/folder-names.ts';

const signal = new AbortController().signal;
const spec = familyMemoriesSpec('fr');
const truth = expectedPhotos(spec);
const notesTruth = expectedNotes(spec);
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-photos-notes-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const layouts: readonly [string, BuildOptions][] = [
  ['zip, 3 parts', { format: 'zip', parts: 3 }],
  ['tgz, 2 parts', { format: 'tgz', parts: 2 }],
  ['unpacked folders, 2 parts', { format: 'folder', parts: 2 }],
];

async function read(
  name: string,
  options: BuildOptions,
): Promise<{
  inventory: SourceInventory;
  problems: ProblemFact[];
  close: () => Promise<void>;
  sidecarsElsewhere: boolean;
}> {
  const partOf = new Map<string, number>();
  const parts = await buildTakeout(join(dir, name.replace(/\W+/g, '-')), spec, {
    ...options,
    onFile: (file, part) => partOf.set(file.path, part),
  });
  // A .tgz as the migration opens it (its calendars and contacts spooled to disk), the others as
  // the scan does.
  const source = await openTakeoutSource(parts, { tmpDir: options.format === 'tgz' ? dir : null });
  const problems: ProblemFact[] = [];
  const inventory = await source.read({ signal, onProblem: (p) => problems.push(p) });
  // At least one picture's sidecar is in another part than the picture.
  const sidecarsElsewhere = truth.photos.some((photo) =>
    photo.copies.some(
      (copy) => copy.sidecar !== null && partOf.get(copy.sidecar) !== partOf.get(copy.path),
    ),
  );
  return { inventory, problems, close: () => source.close(), sidecarsElsewhere };
}

async function sha256(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

describe.each(layouts)('Photos and Keep read from %s', (name, options) => {
  it('gives every picture once, with its name, date, albums and links, and its bytes', async () => {
    const { inventory, problems, close, sidecarsElsewhere } = await read(name, options);
    try {
      expect(sidecarsElsewhere).toBe(true);
      const photos = inventory.photos;
      expect(photos).not.toBeNull();
      if (photos === null) return;
      // Every expected picture once: the key is one of its copies, the year folder's if any.
      const byKey = new Map(photos.photos.map((photo) => [photo.key, photo]));
      expect(photos.photos).toHaveLength(truth.photos.length);
      const idOfKey = new Map<string, string>();
      for (const expected of truth.photos) {
        const paths = expected.copies.map((copy) => copy.path);
        const found = photos.photos.filter((photo) => paths.includes(photo.key));
        expect(found, expected.id).toHaveLength(1);
        const photo = found[0];
        if (photo === undefined) continue;
        idOfKey.set(photo.key, expected.id);
        const yearCopy = paths.find(
          (path) => !truth.albums.some((a) => path.includes(`/${a.name}/`)),
        );
        if (yearCopy !== undefined) expect(photo.key, expected.id).toBe(yearCopy);
        expect(photo.name, expected.id).toBe(expected.name);
        expect(photo.taken, expected.id).toEqual(expected.taken);
        expect(photo.size).toBe(expected.size);
      }
      for (const expected of truth.photos) {
        const photo = photos.photos.find((one) => idOfKey.get(one.key) === expected.id);
        expect(photo?.editedOf == null ? null : idOfKey.get(photo.editedOf), expected.id).toBe(
          expected.editedOf,
        );
        expect(photo?.liveOf == null ? null : idOfKey.get(photo.liveOf), expected.id).toBe(
          expected.liveOf,
        );
      }
      // Albums: their name, description and pictures.
      expect(
        photos.albums.map((album) => ({
          name: album.name,
          description: album.description,
          photos: [...album.photos].map((key) => idOfKey.get(key)).sort(),
        })),
      ).toEqual(
        [...truth.albums]
          .map((album) => ({ ...album, photos: [...album.photos].sort() }))
          .sort((a, b) => (a.name < b.name ? -1 : 1)),
      );
      const facts = inventory.facts.photos;
      const copies = truth.photos.reduce((sum, photo) => sum + photo.copies.length, 0);
      expect(facts).toMatchObject({
        folder: folderNames.fr.photos,
        count: truth.photos.length,
        bytes: truth.photos.reduce((sum, photo) => sum + photo.size, 0),
        undated: truth.undated.length,
        duplicates: copies - truth.photos.length,
        edited: truth.photos.filter((photo) => photo.editedOf !== null).length,
        livePhotos: truth.photos.filter((photo) => photo.liveOf !== null).length,
      });
      expect(inventory.facts.others.map((other) => other.folder)).not.toContain(
        folderNames.fr.photos,
      );
      expect(inventory.facts.files.folder).toBe(folderNames.fr.drive);
      expect(problems.filter((p) => p.code.startsWith('takeout.photo'))).toEqual([]);
      // The sidecar whose picture is not in the export: named, for when the photos move.
      expect(
        inventory.kindProblems
          ?.filter((one) => one.kind === 'photos')
          .map((one) => [one.problem.code, one.problem.where]),
      ).toEqual(truth.orphans.map((where) => ['takeout.photo-missing', where]));
      expect(truth.orphans.length).toBeGreaterThan(0);

      // The bytes fed are Google's, every wanted picture once.
      const wanted = new Set(byKey.keys());
      const hashes = new Map<string, string>();
      for await (const fed of photos.feed(wanted, signal)) {
        hashes.set(fed.key, await sha256(await fed.open(signal)));
        fed.release?.();
      }
      expect(hashes.size).toBe(wanted.size);
      for (const [key, hash] of hashes) {
        const expected = truth.photos.find((photo) => photo.id === idOfKey.get(key));
        expect(hash, key).toBe(expected?.sha256);
      }
    } finally {
      await close();
    }
  });

  it('gives every note that moves, counts the trashed one, names the broken one', async () => {
    const { inventory, problems, close } = await read(`${name}-notes`, options);
    try {
      const notes = inventory.notes;
      expect(notes).not.toBeNull();
      if (notes === null) return;
      expect(notes.notes.map((note) => note.key).sort()).toEqual(
        notesTruth.notes.map((note) => note.key).sort(),
      );
      expect(notes.trashed).toBe(notesTruth.trashed);
      for (const expected of notesTruth.notes) {
        const note = notes.notes.find((one) => one.key === expected.key);
        expect(note?.note.title ?? '', expected.key).toBe(expected.title);
        expect((note?.note.labels ?? []).map((label) => label.name)).toEqual(expected.labels);
        expect(note?.note.isArchived === true).toBe(expected.folder === 'Archives');
        expect(note?.attachments).toEqual(
          expected.attachments.map((a) => ({ filePath: a.filePath, key: a.path, size: a.size })),
        );
      }
      expect(problems.filter((p) => p.code === 'takeout.keep-note-unreadable')).toEqual(
        notesTruth.unreadable.map((where) => ({ code: 'takeout.keep-note-unreadable', where })),
      );
      expect(inventory.facts.notes).toMatchObject({
        folder: folderNames.fr.keep,
        count: notesTruth.notes.length,
        trashed: notesTruth.trashed,
        archived: notesTruth.notes.filter((note) => note.folder === 'Archives').length,
        attachments: notesTruth.notes.reduce((sum, note) => sum + note.attachments.length, 0),
      });
      expect(inventory.kindProblems?.filter((p) => p.kind === 'notes')).toEqual([]);

      const wanted = new Set(notes.notes.flatMap((note) => note.attachments.map((a) => a.key)));
      const hashes = new Map<string, string>();
      for await (const fed of notes.feed(wanted, signal)) {
        hashes.set(fed.key, await sha256(await fed.open(signal)));
        fed.release?.();
      }
      expect(hashes).toEqual(
        new Map(
          notesTruth.notes.flatMap((note) => note.attachments.map((a) => [a.path, a.sha256])),
        ),
      );
    } finally {
      await close();
    }
  });
});

describe('shapes seen in real exports (edgePhotos)', () => {
  it('gives each picture once with its full name and its date', async () => {
    const edge = { language: 'en' as const, photoLibrary: edgePhotos() };
    const parts = await buildTakeout(join(dir, 'edge'), edge, { format: 'zip', parts: 2 });
    const source = await openTakeoutSource(parts, { tmpDir: null });
    try {
      const inventory = await source.read({ signal, onProblem: () => undefined });
      const photos = inventory.photos?.photos ?? [];
      const expected = expectedPhotos(edge).photos;
      expect(photos).toHaveLength(expected.length);
      for (const one of expected) {
        const photo = photos.find((p) => p.key === one.copies[0]?.path);
        expect(photo?.name, one.id).toBe(one.name);
        // The Spanish '-ha editado' copy included: it shares its original's date.
        expect(photo?.taken ?? null, one.id).toEqual(one.taken);
      }
      // The edited copy whose suffix Google cut to `-edi`: found, linked to its original.
      const cut = expected.find((one) => one.copies[0]?.path.endsWith('-edi.jpg'));
      const original = expected.find((one) => one.id === cut?.editedOf);
      expect(photos.find((p) => p.key === cut?.copies[0]?.path)?.editedOf).toBe(
        original?.copies[0]?.path,
      );
    } finally {
      await source.close();
    }
  });
});
