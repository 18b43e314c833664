import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Directory, Host } from '../../../src/hosts/directory/directory-schema.ts';
import { DirectoryStore, mergeDirectories } from '../../../src/hosts/directory/directory-store.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const dataDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'baluchon-store-'));
  dirs.push(dir);
  return dir;
};

const host = (id: string, website: string, origin: Host['origin']): Host => ({
  id,
  name: id,
  website,
  country: 'FR',
  city: null,
  postcode: null,
  location: null,
  membership: { confidence: 'high', source: 'test' },
  services: [],
  notes: [],
  sources: {},
  checked: '2026-01-01',
  origin,
});

const snapshot: Directory = {
  format: 1,
  origin: 'members.source.json',
  checked: '2026-11-24',
  attribution: 'test',
  hosts: [
    host('zaclys', 'https://www.zaclys.com/', 'snapshot'),
    host('infini', 'https://www.infini.fr/', 'snapshot'),
  ],
};

describe('DirectoryStore', () => {
  it('answers with the snapshot when nothing was refreshed yet', () => {
    const store = new DirectoryStore({ dataDir: dataDir(), now: () => new Date(), snapshot });
    expect(store.current()).toMatchObject({ source: 'snapshot', refreshedAt: null });
  });

  it('falls back on the snapshot when the cache is corrupt', () => {
    const dir = dataDir();
    mkdirSync(join(dir, 'hosts'));
    writeFileSync(join(dir, 'hosts', 'chatonsinfos-cache.json'), '{"format":1,"hosts":[{"trunc');
    const store = new DirectoryStore({ dataDir: dir, now: () => new Date(), snapshot });
    expect(store.current().source).toBe('snapshot');
  });

  it('ships a valid snapshot', () => {
    const store = new DirectoryStore({ dataDir: dataDir(), now: () => new Date() });
    expect(store.snapshot().hosts.length).toBeGreaterThan(0);
  });
});

describe('mergeDirectories', () => {
  it('puts ChatonsInfos members first and keeps snapshot members it does not list', () => {
    const refreshed = [host('chatonsinfos-infini', 'https://infini.fr/', 'chatonsinfos')];
    const merged = mergeDirectories(snapshot, refreshed, '2026-11-26T10:00:00.000Z');
    expect(merged.hosts.map((h) => h.id)).toEqual(['chatonsinfos-infini', 'zaclys']);
    expect(merged.checked).toBe('2026-11-26');
  });
});
