// Planning cost of a 50,000-event archive, before the source port (main's path, kept in
// plan-before.ts) and after it (plan-after.ts), in one run: wall time, peak memory (GNU time's
// maximum RSS of the child) and what each read from the archive. The archive is the scan
// bench's spec (bench-spec.ts: 50,000 events in 6 calendars, 5,000 contacts, 300 tasks, 20,000
// Drive files) with every Drive file cut to at most 512 bytes: planning never reads a Drive
// file's bytes, so the files only cost names — and the build stays short.
//
//   npx tsx bench/scan/plan.ts [--runs 1] [--rebuild]
//
// Needs GNU time (/usr/bin/time). Archives are built once into bench/scan/out/plan-* (git-ignored).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildTakeout } from '../../tests/fixtures/takeout/build-takeout.ts';
import { benchSpec } from './bench-spec.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = join(root, 'bench/scan/out');
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '1' }, rebuild: { type: 'boolean', default: false } },
});
const runs = Math.max(1, Number(values.runs));

interface Measure {
  wallMs: number;
  maxRssMiB: number;
  stdout: string;
}

async function measure(args: string[]): Promise<Measure> {
  const timeDir = mkdtempSync(join(tmpdir(), 'bench-time-'));
  const timeFile = join(timeDir, 'time');
  const start = performance.now();
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', '%M', '-o', timeFile, process.execPath, ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(text);
      else reject(new Error(`${args.join(' ')} exited with ${code}`));
    });
  });
  const wallMs = performance.now() - start;
  const maxRssKiB = Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1));
  rmSync(timeDir, { recursive: true, force: true });
  return { wallMs, maxRssMiB: maxRssKiB / 1024, stdout };
}

async function median(args: string[]): Promise<Measure> {
  const results: Measure[] = [];
  for (let i = 0; i < runs; i++) results.push(await measure(args));
  results.sort((a, b) => a.wallMs - b.wallMs);
  return results[Math.floor(results.length / 2)] as Measure;
}

async function build(format: 'zip' | 'tgz'): Promise<string[]> {
  const dir = join(outDir, `plan-${format}`);
  const marker = join(dir, 'built.json');
  if (!values.rebuild && existsSync(marker))
    return JSON.parse(readFileSync(marker, 'utf8')) as string[];
  rmSync(dir, { recursive: true, force: true });
  const spec = benchSpec();
  const parts = await buildTakeout(
    dir,
    { ...spec, drive: spec.drive?.map((file) => ({ ...file, size: Math.min(file.size, 512) })) },
    { format, parts: 3, gzipLevel: 6 },
  );
  writeFileSync(marker, JSON.stringify(parts));
  return parts;
}

const child = ['--import', 'tsx', 'bench/scan/plan-child.ts'];
const rows: Record<string, unknown>[] = [];
for (const format of ['zip', 'tgz'] as const) {
  const parts = await build(format);
  const archiveMiB = parts.reduce((sum, path) => sum + statSync(path).size, 0) / 1024 / 1024;
  for (const path of ['before', 'after'] as const) {
    const run = await median([...child, path, ...parts]);
    rows.push({ format, archiveMiB, path, ...run, figures: JSON.parse(run.stdout) as unknown });
  }
}

const fixed = (value: number, digits = 2): string => value.toFixed(digits);
console.log(
  `Planning benchmark — ${runs} run(s) each, median; Node ${process.version}; load average ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')}`,
);
console.log('');
console.log(
  '| format | archive | path | wall s (child) | planning alone s | peak RSS MiB | entries opened | parts inflated | calendars planned | UIDs | people | tasks | files |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const row of rows) {
  const figures = row['figures'] as {
    ms: number;
    calendarsPlanned: number;
    uids: number;
    people: number;
    tasks: number;
    files: number;
    reads: { entriesOpened: number; partsInflated: number };
  };
  console.log(
    `| ${String(row['format'])} | ${fixed(row['archiveMiB'] as number, 0)} MiB | ${String(row['path'])} | ` +
      `${fixed((row['wallMs'] as number) / 1000)} | ${fixed(figures.ms / 1000)} | ${fixed(row['maxRssMiB'] as number, 0)} | ` +
      `${figures.reads.entriesOpened} | ${figures.reads.partsInflated} | ${figures.calendarsPlanned} | ${figures.uids} | ` +
      `${figures.people} | ${figures.tasks} | ${figures.files} |`,
  );
}
