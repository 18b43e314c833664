// The family's Drive read live from the stand-in: the archive's paths, kinds and counts, the
// export fallback, the bin and shared files left out unless asked, a file in two folders placed
// once and said.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { familySpec } from '../../../fixtures/takeout/family-spec.ts';
import {
  driveData,
  familyDriveOptions,
  pinDriveContent,
} from '../../../standins/google/family/drive-data.ts';
import type { TakeoutSpec } from '../../../fixtures/takeout/takeout-spec.ts';
import type { FedFile } from '../../../../src/sources/source.ts';
import { bytesOf, startDriveStandIn } from './drive-stand-in.ts';
import type { DriveStandIn } from './drive-stand-in.ts';

const signal = new AbortController().signal;
let spec: TakeoutSpec;
let standIn: DriveStandIn;
beforeAll(async () => {
  spec = pinDriveContent(familySpec('fr'));
  standIn = await startDriveStandIn(driveData(spec, familyDriveOptions));
});
afterAll(async () => {
  await standIn.close();
});

describe('readGoogleDrive, the family', () => {
  it('gives the archive’s files at the archive’s paths, Google-only items as the archive says', async () => {
    const { reading, problems } = await standIn.read();
    const paths = reading.files.files.map((file) => file.path);
    expect(paths).toEqual([
      'Documents/Budget.xlsx',
      'Documents/Exposé.pptx',
      'Documents/Lettre.docx',
      'Documents/Notes.odt',
      'Factures/2024-01.pdf',
      'Photos/Vacances.jpg',
      'Sauvegarde/agenda.ics',
    ]);
    expect(reading.files.key).toBe('google-drive');
    expect(reading.files.cannotMove).toEqual([
      { where: 'Carte des randonnées.gmap', kind: 'map' },
      { where: 'Raccourci vers Budget.glink', kind: 'shortcut' },
      { where: 'Sondage kermesse.gform', kind: 'form' },
    ]);
    expect(reading.files.documents).toEqual({
      count: 4,
      byFormat: { docx: 1, xlsx: 1, pptx: 1, odt: 1 },
    });
    expect(reading.facts.folder).toBe('google-drive');
    expect(reading.facts.count).toBe(7);
    expect(reading.facts.cannotMove.map((item) => item.reason)).toEqual([
      expect.stringContaining('My Maps'),
      expect.stringContaining('raccourci'),
      expect.stringContaining('formulaire'),
    ]);
    // The photo is also in "Souvenirs": placed once, the other place said.
    expect(problems).toEqual([
      {
        code: 'files.google-several-parents',
        where: 'Photos/Vacances.jpg',
        params: { path: 'Photos/Vacances.jpg', others: 'Souvenirs/' },
      },
    ]);
  });

  it('hands each file’s bytes, size and date as the archive holds them', async () => {
    const { reading } = await standIn.read();
    const wanted = new Set(reading.files.files.map((file) => file.path));
    let bytes = 0;
    for await (const fed of reading.files.feed(wanted, signal)) {
      const expected = spec.drive?.find((file) => file.path === fed.file.path)?.content;
      const got = await bytesOf(await fed.open(signal));
      expect(got.equals(expected ?? Buffer.alloc(0)), fed.file.path).toBe(true);
      expect(fed.file.size, fed.file.path).toBe(got.length);
      expect(fed.file.mtime?.toISOString()).toBe('2024-06-01T12:00:00.000Z');
      bytes += got.length;
      fed.release?.();
    }
    expect(reading.files.bytes).toBe(bytes);
  });

  it('exports a Google Doc as ODF, and in Microsoft’s format when the ODF one is too large', async () => {
    const { reading } = await standIn.read();
    const exports = standIn.server.requests.filter((line) => line.includes('/export?'));
    const lettre = standIn.api.data.files.find((file) => file.name === 'Lettre');
    const notes = standIn.api.data.files.find((file) => file.name === 'Notes');
    const of = (id: string | undefined): string[] =>
      exports
        .filter((line) => line.includes(`/files/${id ?? '?'}/export`))
        .map(
          (line) =>
            new URL(line.split(' ')[1] ?? '', 'http://x').searchParams.get('mimeType') ?? '',
        );
    expect(of(notes?.id).slice(-1)).toEqual(['application/vnd.oasis.opendocument.text']);
    expect(of(lettre?.id).slice(-2)).toEqual([
      'application/vnd.oasis.opendocument.text',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ]);
    expect(reading.files.files.some((file) => file.path === 'Documents/Lettre.odt')).toBe(false);
  });

  it('exports a document again when it is opened after its spool was released', async () => {
    const { reading } = await standIn.read();
    const notes = standIn.api.data.files.find((file) => file.name === 'Notes');
    const exportsOfNotes = (): number =>
      standIn.server.requests.filter((line) => line.includes(`/files/${notes?.id ?? '?'}/export`))
        .length;
    let fed: FedFile | undefined;
    for await (const one of reading.files.feed(new Set(['Documents/Notes.odt']), signal)) fed = one;
    if (fed === undefined) throw new Error('Notes was not fed');
    const first = await bytesOf(await fed.open(signal));
    const before = exportsOfNotes();
    fed.release?.();
    const again = await bytesOf(await fed.open(signal));
    expect(again.equals(first)).toBe(true);
    expect(exportsOfNotes()).toBe(before + 1);
  });

  it('leaves the bin out, and files shared with the family unless asked', async () => {
    const mine = await standIn.read();
    const all = [...mine.reading.files.files.map((file) => file.path)];
    expect(all.some((path) => path.includes('Brouillon'))).toBe(false);
    expect(all.some((path) => path.includes('Recette'))).toBe(false);
    const lastList = standIn.server.requests
      .filter((line) => line.includes('/drive/v3/files?'))
      .at(-1);
    const query = (line: string | undefined): string | null =>
      new URL(line?.split(' ')[1] ?? '/', 'http://x').searchParams.get('q');
    expect(query(lastList)).toBe("trashed = false and 'me' in owners");

    const shared = await standIn.read({ sharedWithMe: true });
    const paths = shared.reading.files.files.map((file) => file.path);
    expect(paths).toContain('Partagés avec moi/Recette de Mamie.pdf');
    // A shared folder's content comes with it, though only the folder was shared.
    expect(paths).toContain('Partagés avec moi/Photos de famille/gâteau.jpg');
    expect(paths.some((path) => path.includes('Brouillon'))).toBe(false);
    const sharedLists = standIn.server.requests
      .filter((line) => line.includes('/drive/v3/files?'))
      .slice(-2)
      .map(query);
    expect(sharedLists).toEqual([
      "trashed = false and ('me' in owners or sharedWithMe = true)",
      expect.stringMatching(/^'folder-\d+' in parents and trashed = false$/),
    ]);
    // Not owned: no visible folder is normal for it, nothing to report.
    expect(shared.problems.map((problem) => problem.code)).not.toContain('files.google-orphan');
  });
});
