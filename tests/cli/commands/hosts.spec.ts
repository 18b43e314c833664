import { mkdtempSync, rmSync } from 'node:fs';
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

describe('baluchon hosts', () => {
  it('prints one JSON document, nearest suitable host first', async () => {
    const { code, out } = await run(['hosts', '--near', '69007', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(out) as {
      place: { name: string; country: string; lat: number; lon: number };
      hosts: {
        name: string;
        distanceKm: number | null;
        offers: string[];
        why: string[];
        checked: string;
        registration: string;
        website: string | null;
        city: string | null;
        country: string | null;
      }[];
    };
    expect(result.place).toMatchObject({ name: 'Lyon 7e Arrondissement', country: 'FR' });
    const [first] = result.hosts;
    expect(first).toMatchObject({ offers: ['files', 'calendars', 'contacts'] });
    expect(Object.keys(first ?? {})).toEqual(
      expect.arrayContaining([
        'name',
        'website',
        'city',
        'country',
        'distanceKm',
        'offers',
        'registration',
        'why',
        'checked',
      ]),
    );
    const suitable = result.hosts.filter(
      (host) => host.offers.length === 3 && host.distanceKm !== null,
    );
    const distances = suitable.map((host) => host.distanceKm ?? 0);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it('writes a readable list in French', async () => {
    const { code, out } = await run(['hosts', '--near', 'st etienne'], 'fr_FR.UTF-8');
    expect(code).toBe(0);
    expect(out).toMatch(/^Près de Saint-Étienne \(42\)/);
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
