// Benchmark of `scan` on a three-part export (50,000 events, 5,000 contacts, 20,000 files,
// ~1 GB), as .zip and as .tgz, next to a baseline that only lists the archives' entries
// (`unzip -l`, `tar -tzf`) in the same run. Wall time and peak memory (RSS high-water mark, from
// GNU time) of each, plus the share of Node + tsx start-up measured on its own.
//
//   npx tsx bench/scan/run.ts [--runs 3] [--rebuild]
//
// Needs GNU time (/usr/bin/time), unzip and tar (apt-get install time unzip): bench tools only,
// the tests do not use them. Archives are built once into bench/scan/out/ (git-ignored). The page
// cache is warm for every measured command alike (each is run once before being measured).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildTakeout } from '../../tests/fixtures/takeout/build-takeout.ts';
import { BENCH_COUNTS, benchSpec } from './bench-spec.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = join(root, 'bench/scan/out');
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, rebuild: { type: 'boolean', default: false } },
});
const runs = Math.max(1, Number(values.runs));

interface Measure {
  wallMs: number;
  maxRssMiB: number;
  stdout: string;
}

/** Runs a command under GNU time: wall clock measured here, peak RSS (of it and its children) there. */
async function measure(command: string, args: string[]): Promise<Measure> {
  const timeDir = mkdtempSync(join(tmpdir(), 'bench-time-'));
  const timeFile = join(timeDir, 'time');
  const start = performance.now();
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', '%M', '-o', timeFile, command, ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      // Keep only the start: `scan --json` output is large and not needed here.
      if (text.length < 4096) text += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(text);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}`));
    });
  });
  const wallMs = performance.now() - start;
  const maxRssKiB = Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1));
  rmSync(timeDir, { recursive: true, force: true });
  return { wallMs, maxRssMiB: maxRssKiB / 1024, stdout };
}

async function median(command: string, args: string[]): Promise<Measure> {
  await measure(command, args); // warm the page cache and the disk
  const results: Measure[] = [];
  for (let i = 0; i < runs; i++) results.push(await measure(command, args));
  results.sort((a, b) => a.wallMs - b.wallMs);
  return results[Math.floor(results.length / 2)] as Measure;
}

async function build(format: 'zip' | 'tgz'): Promise<string[]> {
  const dir = join(outDir, format);
  const marker = join(dir, 'built.json');
  if (!values.rebuild && existsSync(marker))
    return JSON.parse(readFileSync(marker, 'utf8')) as string[];
  rmSync(dir, { recursive: true, force: true });
  const started = performance.now();
  const parts = await buildTakeout(dir, benchSpec(), {
    format,
    parts: 3,
    storeBinary: true,
    gzipLevel: 6,
  });
  writeFileSync(marker, JSON.stringify(parts));
  console.error(`built ${format} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return parts;
}

const node = process.execPath;
const child = ['--import', 'tsx', 'bench/scan/scan-child.ts'];
const rows: Record<string, unknown>[] = [];

const startup = await median(node, [...child, 'noop']);
const cliStartup = await median('npm', ['run', '--silent', 'baluchon', '--', '--help']);

for (const format of ['zip', 'tgz'] as const) {
  const parts = await build(format);
  const archiveBytes = parts.reduce((sum, path) => sum + statSync(path).size, 0);
  const listCommand =
    format === 'zip'
      ? parts.map((part) => `unzip -l '${part}' > /dev/null`).join(' && ')
      : parts.map((part) => `tar -tzf '${part}' > /dev/null`).join(' && ');
  const baseline = await median('sh', ['-c', listCommand]);
  // A zip listing reads only the directories; the scan must also inflate every calendar, address
  // book and JSON file. This second baseline inflates the same entries (a tgz listing already
  // inflates everything).
  const contentBaseline =
    format === 'zip'
      ? await median('sh', [
          '-c',
          parts
            .map((part) => `unzip -p '${part}' '*.ics' '*.vcf' '*.json' > /dev/null`)
            .join(' && '),
        ])
      : null;
  const scan = await median(node, [...child, 'scan', ...parts]);
  const found = JSON.parse(scan.stdout) as {
    ms: number;
    events: number;
    people: number;
    files: number;
    entriesOpened: number;
    partsInflated: number;
  };
  if (
    found.events < BENCH_COUNTS.events ||
    found.people < BENCH_COUNTS.people ||
    found.files < BENCH_COUNTS.files
  ) {
    throw new Error(`the scan found less than generated: ${scan.stdout}`);
  }
  const cli = await median('npm', [
    'run',
    '--silent',
    'baluchon',
    '--',
    'scan',
    ...parts,
    '--json',
  ]);
  rows.push({
    format,
    archiveMiB: archiveBytes / 1024 / 1024,
    baseline: format === 'zip' ? 'unzip -l ×3' : 'tar -tzf ×3',
    baselineS: baseline.wallMs / 1000,
    baselineRssMiB: baseline.maxRssMiB,
    scanS: scan.wallMs / 1000,
    scanOnlyS: found.ms / 1000,
    scanRssMiB: scan.maxRssMiB,
    ratio: scan.wallMs / baseline.wallMs,
    contentBaselineS: contentBaseline === null ? null : contentBaseline.wallMs / 1000,
    ratioToContent: contentBaseline === null ? null : scan.wallMs / contentBaseline.wallMs,
    ratioWithoutStartup: (scan.wallMs - startup.wallMs) / baseline.wallMs,
    cliS: cli.wallMs / 1000,
    cliRssMiB: cli.maxRssMiB,
    found,
  });
}

const fixed = (value: unknown, digits = 2): string =>
  typeof value === 'number' ? value.toFixed(digits) : String(value);
console.log(
  `Scan benchmark — ${runs} run(s) each, median; Node ${process.version}; load average at the end ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')}`,
);
console.log(
  `Start-up alone: node + tsx ${fixed(startup.wallMs / 1000)} s, ${fixed(startup.maxRssMiB, 0)} MiB; ` +
    `npm run baluchon -- --help ${fixed(cliStartup.wallMs / 1000)} s, ${fixed(cliStartup.maxRssMiB, 0)} MiB`,
);
console.log('');
console.log(
  '| format | archive | listing baseline | listing s | listing MiB | scan s (child) | scan only s | scan MiB | scan / listing | same, without start-up | inflate same entries s | scan / that | npm run baluchon scan s | its MiB | entries opened | parts inflated |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const row of rows) {
  console.log(
    `| ${String(row['format'])} | ${fixed(row['archiveMiB'], 0)} MiB | ${String(row['baseline'])} | ${fixed(row['baselineS'])} | ${fixed(row['baselineRssMiB'], 0)} | ` +
      `${fixed(row['scanS'])} | ${fixed(row['scanOnlyS'])} | ${fixed(row['scanRssMiB'], 0)} | ${fixed(row['ratio'])}× | ${fixed(row['ratioWithoutStartup'])}× | ` +
      `${row['contentBaselineS'] === null ? '—' : fixed(row['contentBaselineS'])} | ${row['ratioToContent'] === null ? '—' : `${fixed(row['ratioToContent'])}×`} | ` +
      `${fixed(row['cliS'])} | ${fixed(row['cliRssMiB'], 0)} | ` +
      `${String((row['found'] as { entriesOpened: number }).entriesOpened)} | ${String((row['found'] as { partsInflated: number }).partsInflated)} |`,
  );
}
console.log('');
console.log(
  JSON.stringify(
    {
      runs,
      node: process.version,
      startup: {
        nodeTsxS: startup.wallMs / 1000,
        nodeTsxRssMiB: startup.maxRssMiB,
        npmHelpS: cliStartup.wallMs / 1000,
      },
      rows,
    },
    null,
    2,
  ),
);
