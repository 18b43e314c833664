// Files of a WebDAV share (Apache mod_dav) through the DAV source: a Depth-1 walk folder by
// folder (Apache refuses Depth: infinity), names with accents decoded and NFC, sizes and dates
// from the PROPFIND, bytes by streamed GET.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDavSource } from '../../../src/sources/dav/open-dav-source.ts';
import { startApache, useFaultProxy, useServer } from '../../harness/index.ts';
import { testDavClient } from '../../support/dav-client.ts';
import type { TestClient } from '../../support/dav-client.ts';
import { files, seedFiles } from './support/family.ts';
import { readAll } from './support/read-all.ts';

const clients: TestClient[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.http.close()));
});

describe('DAV source files on Apache', () => {
  const server = useServer(startApache);
  const proxy = useFaultProxy(() => server().url);
  beforeAll(async () => {
    const { user } = server();
    await seedFiles(user, user.home);
  });

  it('finds every file with its size and date, and gives the same bytes', async () => {
    const { user } = server();
    const made = testDavClient(user);
    clients.push(made);
    const before = Date.now();
    const read = await readAll(
      openDavSource({ client: made.client, server: proxy().through(user.home) }),
    );
    const tree = read.inventory.files;
    if (tree === null) throw new Error('no files found');
    expect(tree.files.map((f) => f.path).sort()).toEqual(
      [...files.keys()].map((p) => p.normalize('NFC')).sort(),
    );
    for (const file of tree.files) {
      const seeded = files.get(file.path);
      expect(file.size).toBe(seeded?.length);
      expect(read.files.get(file.path)?.equals(seeded ?? Buffer.alloc(1))).toBe(true);
      // HTTP dates have whole seconds; the files were written moments ago.
      expect(Math.abs((file.mtime?.getTime() ?? 0) - before)).toBeLessThan(120_000);
    }
    const bytes = [...files.values()].reduce((sum, b) => sum + b.length, 0);
    expect(tree.bytes).toBe(bytes);
    expect(read.inventory.facts.files).toMatchObject({
      count: files.size,
      bytes,
      documents: { count: 1, byFormat: { odt: 1 } },
      cannotMove: [],
    });
    expect(read.inventory.calendars).toEqual([]);
    // Never Depth: infinity; one PROPFIND per folder (root, Factures, Factures/2024, Photos été).
    const walk = proxy().requests.filter(
      (r) => r.method === 'PROPFIND' && r.headers['depth'] === '1',
    );
    expect(walk).toHaveLength(4);
    expect(proxy().requests.some((r) => r.headers['depth'] === 'infinity')).toBe(false);
  });

  it('feeds only the wanted files', async () => {
    const { user } = server();
    const made = testDavClient(user);
    clients.push(made);
    const source = openDavSource({ client: made.client, server: proxy().through(user.home) });
    const inventory = await source.read({
      signal: new AbortController().signal,
      onProblem: () => undefined,
    });
    const wanted = new Set(['Photos été/Crème brûlée.txt', 'vide.txt']);
    const fed: string[] = [];
    for await (const file of inventory.files?.feed(wanted, new AbortController().signal) ?? [])
      fed.push(file.file.path);
    expect(fed.sort()).toEqual([...wanted].sort());
  });
});
