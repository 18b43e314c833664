import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FilePayload } from '../../src/files/file-payload.ts';
import { planDriveFiles } from '../../src/files/plan-drive-files.ts';
import type { OutgoingItem, SourceEntry } from '../../src/sink/item-sink.ts';
import { openTakeoutSource } from '../../src/sources/takeout/open-takeout-source.ts';
import type { FeedOptions } from '../../src/sources/takeout/archive-order-feed.ts';
import type { SourceFiles } from '../../src/sources/source.ts';
import { buildDrive, driveSpec, expectedTargets } from './support/drive-fixture.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-plan-drive-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The archive's Drive as the Takeout source reads it (one walk), with the feed's memory bounds. */
async function openDrive(parts: readonly string[], feed: Omit<FeedOptions, 'signal'>) {
  const source = await openTakeoutSource(parts, { feed });
  const inventory = await source.read({
    signal: new AbortController().signal,
    onProblem: () => undefined,
  });
  if (inventory.files === null) throw new Error('no Drive in this archive');
  const files: SourceFiles = inventory.files;
  return { files, close: () => source.close() };
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

// An unpacked folder cannot hold a name longer than the disk allows (255 bytes on ext4).
const fitsOnDisk = (path: string): boolean =>
  path.split('/').every((segment) => Buffer.byteLength(segment) <= 255);

describe.each(['folder', 'zip', 'tgz'] as const)('planDriveFiles, %s parts', (format) => {
  const paths = Object.keys(expectedTargets).filter(
    (path) => format !== 'folder' || fitsOnDisk(path),
  );
  const movable = Object.entries(expectedTargets).filter(
    ([path, target]) => target !== null && paths.includes(path),
  );

  it('plans every file once, skips what cannot move, and hands out the right bytes', async () => {
    const drive = await buildDrive(join(dir, format), {
      format,
      parts: 3,
      drive: driveSpec().filter((file) => paths.includes(file.path)),
    });
    const takeout = await openDrive(drive.parts, {
      smallFileBytes: 4000,
      bufferBytes: 10_000,
      queueLength: 2,
    });
    try {
      const plan = planDriveFiles(takeout.files, { folderName: 'Google Drive (importé)' });
      expect(plan.collection).toEqual({
        sourceKey: 'google-drive',
        displayName: 'Google Drive (importé)',
        slug: 'Google Drive (importé)',
      });
      expect(plan.totals).toEqual({
        count: movable.length,
        bytes: movable.reduce((sum, [path]) => sum + (drive.contents.get(path)?.length ?? 0), 0),
      });
      expect(plan.documents).toEqual({ count: 4, byFormat: { docx: 1, xlsx: 1, pptx: 1, odt: 1 } });
      expect(plan.cannotMove.map((item) => item.where).sort()).toEqual([
        'Ancien document.gdoc',
        'Carte des vacances.gmap',
        'Formulaire inscription.gform',
        'Raccourci vers Photos.glink',
      ]);

      const seen: SourceEntry<FilePayload>[] = [];
      const items: OutgoingItem<FilePayload>[] = [];
      for await (const entry of plan.entries) {
        seen.push(entry);
        if (entry.type !== 'item') continue;
        items.push(entry.item);
        // Read each file as the sink would, then let the pass go on.
        const content = await bytesOf(
          await entry.item.payload.content.open(new AbortController().signal),
        );
        expect(
          content.equals(drive.contents.get(entry.item.sourceKey) ?? Buffer.alloc(1)),
          entry.item.sourceKey,
        ).toBe(true);
        entry.item.release?.();
      }
      expect(seen.filter((entry) => entry.type === 'skipped')).toHaveLength(4);
      expect(items.map((item) => item.sourceKey).sort()).toEqual(
        movable.map(([path]) => path).sort(),
      );
      for (const item of items) {
        const target = expectedTargets[item.sourceKey] ?? '';
        expect(item.relativeHref.split('/').map(decodeURIComponent).join('/')).toBe(target);
        // Archives carry the generator's date; an unpacked folder, the day it was written.
        expect(item.contentHash).toMatch(
          format === 'folder' ? /^file-v1:\d+:\d+$/ : /^file-v1:\d+:1717243200$/,
        );
        expect(item.size).toBe(drive.contents.get(item.sourceKey)?.length);
      }
    } finally {
      await takeout.close();
    }
  });
});

describe('archive order (.tgz)', () => {
  it('a large file holds the pass until the migration is done with it', async () => {
    const drive = await buildDrive(join(dir, 'hold'), {
      format: 'tgz',
      parts: 1,
      drive: [
        { path: 'a-grand.bin', size: 50_000 },
        { path: 'b-petit.txt', size: 100 },
      ],
    });
    const takeout = await openDrive(drive.parts, { smallFileBytes: 1000 });
    try {
      const plan = planDriveFiles(takeout.files, { folderName: 'Import' });
      const iterator = plan.entries[Symbol.asyncIterator]();
      const first = await iterator.next();
      expect(first.done).toBe(false);
      const large = first.value as SourceEntry<FilePayload>;
      if (large.type !== 'item') throw new Error('expected an item');
      expect(large.item.sourceKey).toBe('a-grand.bin');
      let nextArrived = false;
      const next = iterator.next().then((result) => {
        nextArrived = true;
        return result;
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      // Still reading the large file: the pass cannot have gone further.
      const bytes = await bytesOf(
        await large.item.payload.content.open(new AbortController().signal),
      );
      expect(bytes.equals(drive.contents.get('a-grand.bin') ?? Buffer.alloc(0))).toBe(true);
      expect(nextArrived).toBe(false);
      large.item.release?.();
      const second = await next;
      expect(second.done).toBe(false);
      expect((second.value as { item?: { sourceKey: string } }).item?.sourceKey).toBe(
        'b-petit.txt',
      );
      expect((await iterator.next()).done).toBe(true);
    } finally {
      await takeout.close();
    }
  });

  it('a retry of a large file reads it again from the archive', async () => {
    const drive = await buildDrive(join(dir, 'retry'), {
      format: 'tgz',
      parts: 1,
      drive: [{ path: 'grand.bin', size: 40_000 }],
    });
    const takeout = await openDrive(drive.parts, { smallFileBytes: 1000 });
    try {
      const plan = planDriveFiles(takeout.files, { folderName: 'Import' });
      for await (const entry of plan.entries) {
        if (entry.type !== 'item') continue;
        const signal = new AbortController().signal;
        const firstTry = await entry.item.payload.content.open(signal);
        firstTry.destroy(); // the connection broke at once
        const secondTry = await bytesOf(await entry.item.payload.content.open(signal));
        expect(secondTry.equals(drive.contents.get('grand.bin') ?? Buffer.alloc(0))).toBe(true);
        entry.item.release?.();
      }
    } finally {
      await takeout.close();
    }
  });
});
