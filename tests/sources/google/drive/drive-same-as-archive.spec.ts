// One family, two sources: the Drive read live from the stand-in hands the engine exactly what
// the Takeout archive built from the same spec hands it — the same tree key, paths, sizes,
// dates, bytes, Google-only items and document counts — so moving one after the other updates
// instead of duplicating. The live way sees more only where Takeout cannot (the second folder
// of a file, said as a note).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDriveFiles } from '../../../../src/files/plan-drive-files.ts';
import { createI18n } from '../../../../src/i18n/create-i18n.ts';
import type { SourceFiles } from '../../../../src/sources/source.ts';
import { openTakeoutSource } from '../../../../src/sources/takeout/open-takeout-source.ts';
import type { TakeoutSource } from '../../../../src/sources/takeout/open-takeout-source.ts';
import { buildTakeout } from '../../../fixtures/takeout/build-takeout.ts';
import { familySpec } from '../../../fixtures/takeout/family-spec.ts';
import {
  driveData,
  familyDriveOptions,
  pinDriveContent,
} from '../../../standins/google/family/drive-data.ts';
import { bytesOf, startDriveStandIn } from './drive-stand-in.ts';
import type { DriveStandIn } from './drive-stand-in.ts';

const signal = new AbortController().signal;
let dir: string;
let archive: TakeoutSource;
let standIn: DriveStandIn;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-gdrive-archive-'));
  const spec = pinDriveContent(familySpec('fr'));
  const parts = await buildTakeout(dir, spec, { format: 'zip', parts: 2 });
  archive = await openTakeoutSource(parts, { t: createI18n('fr').t });
  standIn = await startDriveStandIn(driveData(spec, familyDriveOptions));
});
afterAll(async () => {
  await archive.close();
  await standIn.close();
  rmSync(dir, { recursive: true, force: true });
});

async function contents(files: SourceFiles): Promise<Record<string, string>> {
  const wanted = new Set(files.files.map((file) => file.path));
  const result: Record<string, string> = {};
  for await (const fed of files.feed(wanted, signal)) {
    const bytes = await bytesOf(await fed.open(signal));
    result[fed.file.path] = `${String(bytes.length)}:${bytes.toString('base64')}`;
    fed.release?.();
  }
  return result;
}

describe('the family’s Drive, from the archive and live', () => {
  it('hands the engine the same files, paths, sizes, dates and bytes', async () => {
    const fromArchive = (await archive.read({ signal, onProblem: () => undefined })).files;
    const { reading } = await standIn.read();
    const live = reading.files;
    if (fromArchive === null) throw new Error('the archive has no Drive');
    const summary = (files: SourceFiles): unknown => ({
      key: files.key,
      files: files.files
        .map((file) => ({ path: file.path, size: file.size, mtime: file.mtime?.getTime() }))
        .sort((a, b) => (a.path < b.path ? -1 : 1)),
      bytes: files.bytes,
      cannotMove: [...files.cannotMove].sort((a, b) => (a.where < b.where ? -1 : 1)),
      documents: files.documents,
    });
    expect(summary(live)).toEqual(summary(fromArchive));
    expect(await contents(live)).toEqual(await contents(fromArchive));
  });

  it('plans the same items for the engine: same keys, fingerprints and targets', async () => {
    const fromArchive = (await archive.read({ signal, onProblem: () => undefined })).files;
    const { reading } = await standIn.read();
    if (fromArchive === null) throw new Error('the archive has no Drive');
    const planned = async (files: SourceFiles): Promise<unknown[]> => {
      const plan = planDriveFiles(files, { folderName: 'Google Drive (importé)', signal });
      const items: unknown[] = [];
      for await (const entry of plan.entries) {
        if (entry.type === 'item') {
          const { sourceKey, contentHash, relativeHref, size } = entry.item;
          items.push({ sourceKey, contentHash, relativeHref, size });
          entry.item.release?.();
        } else if (entry.type === 'skipped') {
          items.push({ skipped: entry.skipped.sourceKey, code: entry.skipped.problem.code });
        }
      }
      return items.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    };
    expect(await planned(reading.files)).toEqual(await planned(fromArchive));
  });
});
