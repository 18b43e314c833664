import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'baluchon-cli-hosts-'));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

async function run(args: string[], lang = 'en_US.UTF-8') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await runCli(args, {
    stdout,
    stderr,
    env: { LANG: lang, BALUCHON_DATA_DIR: dataDir },
    cwd: process.cwd(),
    interrupted: new AbortController().signal,
  });
  return { code, out, err };
}

interface JsonHosts {
  place: { name: string; country: string; lat: number; lon: number };
  hosts: {
    name: string;
    distanceKm: number | null;
    group: 'near' | 'farther';
    offers: string[];
    why: string[];
    checked: string;
    registration: string;
    website: string | null;
    city: string | null;
    country: string | null;
  }[];
  reach: { km: number; near: number; farther: number; unplaced: number };
  summary: string;
}

describe('baluchon hosts', () => {
  it('prints one JSON document: a Lyon host first for 69007, the near ones, then the farther ones', async () => {
    const { code, out } = await run(['hosts', '--near', '69007', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(out) as JsonHosts;
    expect(result.place).toMatchObject({ name: 'Lyon 7e Arrondissement', country: 'FR' });
    const [first] = result.hosts;
    expect(first).toMatchObject({ city: 'Lyon', group: 'near' });
    expect(first?.distanceKm).toBeLessThanOrEqual(2);
    expect(Object.keys(first ?? {})).toEqual(
      expect.arrayContaining([
        'name',
        'website',
        'city',
        'country',
        'distanceKm',
        'group',
        'offers',
        'registration',
        'why',
        'checked',
      ]),
    );
    const near = result.hosts.filter((host) => host.group === 'near');
    expect(near.length).toBe(result.reach.near);
    expect(near.every((host) => host.distanceKm !== null && host.distanceKm <= 50)).toBe(true);
    // Then only the farther ones that offer everything, nearest first, Montréal never.
    const farther = result.hosts.slice(near.length);
    expect(farther.every((host) => host.group === 'farther' && host.offers.length === 3)).toBe(
      true,
    );
    const distances = farther.flatMap((host) =>
      host.distanceKm === null ? [] : [host.distanceKm],
    );
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(result.hosts.map((host) => host.city)).not.toContain('Montréal');
    expect(result.summary).toBe(
      `Lyon 7e Arrondissement (69): ${near.length} hosts within 50 km, ${farther.length} farther away or with no known address that offer what you need.`,
    );
  });

  it('lists the same hosts, in the same order and with the same count, for people and in JSON', async () => {
    for (const near of ['69007', 'Aurillac', 'Montréal']) {
      const human = await run(['hosts', '--near', near], 'fr_FR.UTF-8');
      const json = JSON.parse(
        (await run(['hosts', '--near', near, '--json'], 'fr_FR.UTF-8')).out,
      ) as JsonHosts;
      const listed = human.out.split('\n').filter((line) => /^\d+\. /.test(line));
      expect(listed.length, near).toBe(json.hosts.length);
      listed.forEach((line, index) => {
        expect(line.startsWith(`${index + 1}. ${json.hosts[index]?.name ?? '?'}`), line).toBe(true);
      });
      expect(human.out.split('\n')[0], near).toBe(json.summary);
      expect(json.hosts.length, near).toBe(
        json.reach.near + json.reach.farther + json.reach.unplaced,
      );
    }
  });

  it('never writes the research provenance: no sources, notes or confidence, only facts in words', async () => {
    const directory = JSON.parse(
      readFileSync(join(process.cwd(), 'src/hosts/data/directory.json'), 'utf8'),
    ) as {
      hosts: {
        membership: { source: string };
        notes: string[];
        sources: Record<string, string>;
        services: { source: string; price: { note: string } | null; software: string | null }[];
      }[];
    };
    const provenance = directory.hosts
      .flatMap((host) => [
        host.membership.source,
        ...host.notes,
        ...Object.values(host.sources),
        ...host.services.flatMap((service) => [service.source, service.price?.note ?? '']),
      ])
      .filter((text) => text.length > 12);
    for (const lang of ['fr_FR.UTF-8', 'en_US.UTF-8']) {
      for (const near of ['69007', 'Brest', 'Bruxelles']) {
        const { out } = await run(['hosts', '--near', near], lang);
        for (const text of provenance) expect(out, text).not.toContain(text);
        expect(out).not.toMatch(
          /confidence|confiance|research|stored|GitHub index|source does not say/i,
        );
        expect(out).not.toMatch(/membership is|appartenance aux CHATONS/i);
      }
    }
  });

  it('writes a readable list in French', async () => {
    const { code, out } = await run(['hosts', '--near', 'st etienne'], 'fr_FR.UTF-8');
    expect(code).toBe(0);
    expect(out).toMatch(/^Saint-Étienne \(42\) : \d+ hébergeurs? à moins de \d+ km/);
    expect(out).toContain('propose fichiers, agendas et carnets d’adresses');
    expect(out).toContain('Annuaire des CHATONS livré avec Baluchon');
  });

  it('narrows to what the family needs', async () => {
    const { out } = await run(['hosts', '--near', 'Brest', '--needs', 'calendars', '--json']);
    const result = JSON.parse(out) as { hosts: { name: string; offers: string[] }[] };
    expect(result.hosts[0]).toMatchObject({ name: 'Infini', offers: ['calendars'] });
  });

  it('fails without a stack trace on a place it cannot find, with suggestions', async () => {
    const { code, out, err } = await run(['hosts', '--near', 'Marsielle', '--json']);
    expect(code).toBe(3);
    expect(out).toBe('');
    expect(err).toContain('Marseille (13)');
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('refuses an unknown need and a missing place as usage errors', async () => {
    expect((await run(['hosts', '--near', '69007', '--needs', 'photos'])).code).toBe(2);
    expect((await run(['hosts'])).code).toBe(2);
  });
});
