import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProblemFact } from '../../src/contract/problem.ts';
import { openTakeout } from '../../src/takeout/open-takeout.ts';
import type { TakeoutEntry } from '../../src/takeout/takeout-source.ts';
import { buildTakeout } from '../fixtures/takeout/build-takeout.ts';
import { familySpec } from '../fixtures/takeout/family-spec.ts';
import { renderTakeout } from '../fixtures/takeout/takeout-spec.ts';
import { writeZip } from '../fixtures/takeout/zip-writer.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-open-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const expectedFiles = new Map(
  [...renderTakeout(familySpec('fr'))].map((file) => [file.path, file.content.toString('utf8')]),
);

describe.each(['zip', 'tgz', 'folder'] as const)('openTakeout over %s parts', (format) => {
  it('shows one merged tree, whose entries can be opened again and again', async () => {
    const parts = await buildTakeout(join(dir, `tree-${format}`), familySpec('fr'), {
      format,
      parts: 2,
    });
    const problems: ProblemFact[] = [];
    const takeout = await openTakeout(parts, { onProblem: (problem) => problems.push(problem) });
    try {
      const entries = await takeout.entries();
      expect([...entries.keys()].sort()).toEqual([...expectedFiles.keys()].sort());
      expect(takeout.parts.map((part) => part.format)).toEqual([format, format]);
      const famille = entries.get('Agenda/Famille.ics') as TakeoutEntry;
      expect(famille.size).toBe(Buffer.byteLength(expectedFiles.get('Agenda/Famille.ics') ?? ''));
      // Files are dealt to the parts in turn: both parts hold some of Agenda/.
      const agendaParts = new Set(
        [...entries.values()].filter((e) => e.path.startsWith('Agenda/')).map((e) => e.part),
      );
      expect(agendaParts).toEqual(new Set([0, 1]));
      for (const path of [
        'Agenda/Famille.ics',
        'Tasks/Tasks.json',
        'Agenda/Jours fériés en France.ics',
      ]) {
        const entry = entries.get(path) as TakeoutEntry;
        expect(await text(await entry.open())).toBe(expectedFiles.get(path));
        expect(await text(await entry.open())).toBe(expectedFiles.get(path));
      }
      if (format !== 'folder')
        expect(famille.mtime).toEqual(new Date(Date.UTC(2024, 5, 1, 12, 0, 0)));
      expect(problems).toEqual([]);
    } finally {
      await takeout.close();
    }
  });

  it('walks every entry once, in archive order, handing the content of those asked for', async () => {
    const parts = await buildTakeout(join(dir, `walk-${format}`), familySpec('fr'), {
      format,
      parts: 2,
    });
    const takeout = await openTakeout(parts, { onProblem: () => undefined });
    try {
      const visited: string[] = [];
      const contents = new Map<string, string>();
      await takeout.walk({
        visit: (entry) => {
          visited.push(entry.path);
          return entry.path.endsWith('.vcf');
        },
        read: async (entry, content) => {
          contents.set(entry.path, await text(content));
        },
      });
      expect(visited.sort()).toEqual([...expectedFiles.keys()].sort());
      expect([...contents.keys()].sort()).toEqual(
        [...expectedFiles.keys()].filter((path) => path.endsWith('.vcf')).sort(),
      );
      for (const [path, content] of contents) expect(content).toBe(expectedFiles.get(path));
    } finally {
      await takeout.close();
    }
  });
});

describe('openTakeout', () => {
  it('reads a zip entry’s time from the extended timestamp, else from its DOS time as UTC', async () => {
    const path = join(dir, 'times.zip');
    const when = new Date(Date.UTC(2023, 10, 5, 8, 30, 17));
    writeZip(path, [
      { name: 'Takeout/Drive/a.txt', data: Buffer.from('a'), mtime: when, extendedTime: true },
      { name: 'Takeout/Drive/b.txt', data: Buffer.from('b'), mtime: when },
    ]);
    const takeout = await openTakeout([path], { onProblem: () => undefined });
    const entries = await takeout.entries();
    expect(entries.get('Drive/a.txt')?.mtime).toEqual(when);
    // DOS time has a two-second resolution.
    expect(entries.get('Drive/b.txt')?.mtime).toEqual(new Date(Date.UTC(2023, 10, 5, 8, 30, 16)));
    await takeout.close();
  });

  it('lets a visitor stop reading early without losing the next entries of a tgz', async () => {
    const parts = await buildTakeout(join(dir, 'early'), familySpec('en'), { format: 'tgz' });
    const takeout = await openTakeout(parts, { onProblem: () => undefined });
    const heads: string[] = [];
    await takeout.walk({
      visit: () => true,
      read: async (_entry, content) => {
        for await (const chunk of content) {
          heads.push((chunk as Buffer).subarray(0, 5).toString('latin1'));
          break;
        }
      },
    });
    expect(heads.length).toBe(
      [...renderTakeout(familySpec('en'))].filter((file) => file.content.length > 0).length,
    );
    await takeout.close();
  });

  it('refuses to open a zip entry once closed', async () => {
    const path = join(dir, 'closed.zip');
    writeZip(path, [{ name: 'Takeout/Drive/a.txt', data: Buffer.from('a') }]);
    const takeout = await openTakeout([path], { onProblem: () => undefined });
    const entry = (await takeout.entries()).get('Drive/a.txt') as TakeoutEntry;
    await takeout.close();
    await expect(entry.open()).rejects.toThrow();
  });
});
