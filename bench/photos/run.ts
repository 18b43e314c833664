// Benchmark of the Google Photos move (issue 14, point 5), in one run, side by side with the
// server's ceiling on the same Apache (mod_dav, from the test harness) at the same concurrency:
//
// - Baluchon: `--photos` pictures of `--size` bytes (sidecars included) from a generated
//   multi-part Takeout (zip parts of ~1 GB, a picture's sidecar in another part than it), through
//   the migration engine with only the photos chosen (migrateTakeout: reading and pairing, the
//   plan by taken date, the journal, the files sink, the read-back) — baluchon-child.ts;
// - bare PUT loop: the same pictures unpacked to a folder, PUT with undici, keep-alive, one MKCOL
//   per folder, nothing else (no journal, no checks) — bench/webdav/put-loop.ts;
// - the sidecar pairing alone on 100,000 entries — pairing.ts, run as it is.
//
// Both movers run bundled (esbuild, as the app's service process) under plain node, each in a
// process of its own whose memory is sampled (/proc: VmRSS every 100 ms, VmHWM for the peak).
// What arrives on the server is counted (files and bytes) after each, then removed.
// Linux only (/proc); needs apache2 (Debian).
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startApache } from '../../tests/harness/apache.ts';
import { bundleChild } from '../webdav/bundle-child.ts';
import { benchArchive, defaultParts } from './bench-archive.ts';
import { runSampled } from './sample-rss.ts';
import type { SampledRun } from './sample-rss.ts';

const usage = `Benchmark of the Google Photos move into Apache, against a bare PUT loop of the same pictures.

  npx tsx bench/photos/run.ts [options]

  --photos N         pictures (default 20000); each has its JSON sidecar in the archive
  --size BYTES       bytes of a picture (default 200000)
  --parts K          zip parts (default: parts of ~1 GB, at least 2)
  --concurrency N    requests in flight, both sides (default 4, Baluchon's own)
  --rounds N         rounds, alternating which side goes first (default 1)
  --only SIDE        bare or baluchon: one side alone (no ratio)
  --keep             keep the generated archive and pictures in the cache folder for the next run
  --cache DIR        the cache folder (default: <tmp>/baluchon-bench-photos)
  --cpu-prof         write a CPU profile of Baluchon's process into the cache folder
  --help             this text

Smoke check (under a minute): npx tsx bench/photos/run.ts --photos 500
`;

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: {
    photos: { type: 'string', default: '20000' },
    size: { type: 'string', default: '200000' },
    parts: { type: 'string' },
    concurrency: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '1' },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
    cache: { type: 'string', default: join(tmpdir(), 'baluchon-bench-photos') },
    'cpu-prof': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write(usage);
  process.exit(0);
}
const photos = Number(values.photos);
const size = Number(values.size);
const parts = values.parts === undefined ? defaultParts(photos, size) : Number(values.parts);
const concurrency = Math.max(1, Number(values.concurrency));
const rounds = Math.max(1, Number(values.rounds));
const only = values.only;
if (
  ![photos, size, parts].every((n) => Number.isInteger(n) && n > 0) ||
  (only !== undefined && only !== 'bare' && only !== 'baluchon')
) {
  process.stderr.write(usage);
  process.exit(2);
}

interface Row {
  round: number;
  contender: string;
  photos: number;
  bytes: number;
  seconds: number;
  photosPerS: number;
  mbPerS: number;
  peakRssMiB: number;
  /** CPU seconds of the whole process per 1,000 photos (load-independent, unlike the clock). */
  cpuPer1000: number;
  /** Against the bare loop of the same round (null: it did not run). */
  ratio: number | null;
}

/** Files and bytes under `dir` (Apache's own .DAV folders left out), by size. */
function countFiles(dir: string): { files: number; bytes: number; sizes: Map<number, number> } {
  const sizes = new Map<number, number>();
  let files = 0;
  let bytes = 0;
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name === '.DAV') continue;
      const full = join(folder, entry.name);
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      const one = statSync(full).size;
      files += 1;
      bytes += one;
      sizes.set(one, (sizes.get(one) ?? 0) + 1);
    }
  };
  walk(dir);
  return { files, bytes, sizes };
}

const loadAtStart = loadavg();
const work = mkdtempSync(join(tmpdir(), 'baluchon-bench-photos-'));
console.error(`generating ${photos} pictures of ${size} bytes in ${parts} parts…`);
const archive = await benchArchive({
  photos,
  size,
  parts,
  // Without --keep, the data is made in this run's temporary folder and goes with it.
  cacheDir: values.keep ? values.cache : join(work, 'data'),
  keep: values.keep,
}).catch((error: unknown) => {
  rmSync(work, { recursive: true, force: true });
  throw error;
});
console.error(
  archive.generatedS === 0
    ? 'reusing the kept archive'
    : `generated in ${archive.generatedS.toFixed(1)} s`,
);

// The pairing alone, as pairing.ts measures it (median of its runs), before any server runs.
const pairing = await runSampled(
  process.execPath,
  ['--import', 'tsx', 'bench/photos/pairing.ts', '--entries', '100000', '--runs', '5'],
  { cwd: root, env: process.env },
);
const pairingMs = Number(/pairSidecars \(every rule\):\s+(\d+) ms/.exec(pairing.stdout)?.[1]);

const rows: Row[] = [];
const wholeMove = 'Baluchon, whole move (read, send, read back)';
const sendingPhase = 'Baluchon, sending phase alone';
interface Phases {
  round: number;
  readingS: number;
  sendingS: number;
  verifyingS: number;
  /** Highest VmRSS sampled in each phase, MiB. */
  rssMiB: { reading: number; sending: number; readingBack: number };
  /** Files the move wrote besides the pictures (the albums' lists). */
  otherFiles: number;
  /** The problems the move told (code and where), the first 20. */
  problems: string[];
}
const phases: Phases[] = [];
const rssShapes: Record<string, readonly number[]> = {};
const server = await startApache({ startTimeoutMs: 60_000 });
try {
  const user = server.user;
  const env = { ...process.env, BENCH_PASSWORD: user.password };
  const userDir = join(server.dataDir, user.name);
  const bareChild = await bundleChild(join(work, 'bundle'), 'bench/webdav/put-loop.ts');
  const baluchonChild = await bundleChild(join(work, 'bundle'), 'bench/photos/baluchon-child.ts');

  const bare = async (round: number): Promise<Row> => {
    const run = await runSampled(
      process.execPath,
      [
        bareChild,
        `${user.home}bare/`,
        user.name,
        'BENCH_PASSWORD',
        String(concurrency),
        archive.picturesDir,
      ],
      { cwd: root, env },
    );
    const { totalMs } = JSON.parse(run.stdout) as { totalMs: number };
    const arrived = countFiles(join(userDir, 'bare'));
    if (arrived.files !== photos || arrived.bytes !== archive.pictureBytes) {
      throw new Error(`bare loop: ${arrived.files} files, ${arrived.bytes} bytes arrived`);
    }
    rmSync(join(userDir, 'bare'), { recursive: true, force: true });
    rssShapes[`bare ${round}`] = run.samplesMiB;
    console.error(`round ${round}: bare loop ${(totalMs / 1000).toFixed(1)} s`);
    return row(round, 'bare PUT loop (ceiling)', totalMs, run);
  };

  const baluchon = async (round: number): Promise<Row[]> => {
    const journal = join(work, `journal-${round}.sqlite`);
    const flags = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${values.cache}`] : [];
    const run = await runSampled(
      process.execPath,
      [
        ...flags,
        baluchonChild,
        journal,
        user.home,
        user.name,
        'BENCH_PASSWORD',
        String(concurrency),
        'bench-photos',
        ...archive.parts,
      ],
      { cwd: root, env },
    );
    const result = JSON.parse(run.stdout) as {
      totalMs: number;
      readingMs: number;
      sendingMs: number;
      verifyingMs: number;
      state: string;
      photos: { found: number; created: number; verified: number; failed: number };
      problemCount: number;
      problems: string[];
      marks: { start: number; sending: number; verifying: number };
    };
    // Each picture once, with Google's bytes: files of the picture's size (album lists and
    // other small files the move writes are counted apart).
    const arrived = countFiles(join(userDir, 'bench-photos'));
    const pictures = arrived.sizes.get(size) ?? 0;
    if (
      result.state !== 'finished' ||
      // The albums' lists are items of the kind too: everything found is verified.
      result.photos.verified !== result.photos.found ||
      pictures !== photos ||
      result.photos.failed !== 0
    ) {
      throw new Error(
        `Baluchon: ${pictures} pictures arrived (${arrived.files} files); ${run.stdout}`,
      );
    }
    rmSync(join(userDir, 'bench-photos'), { recursive: true, force: true });
    rmSync(journal, { force: true });
    rssShapes[`baluchon ${round}`] = run.samplesMiB;
    console.error(`round ${round}: Baluchon ${(result.totalMs / 1000).toFixed(1)} s`);
    phases.push({
      round,
      readingS: result.readingMs / 1000,
      sendingS: result.sendingMs / 1000,
      verifyingS: result.verifyingMs / 1000,
      rssMiB: {
        reading: highest(run, result.marks.start, result.marks.sending),
        sending: highest(run, result.marks.sending, result.marks.verifying),
        readingBack: highest(run, result.marks.verifying, Infinity),
      },
      otherFiles: arrived.files - pictures,
      problems: result.problems,
    });
    return [
      row(round, wholeMove, result.totalMs, run),
      row(round, sendingPhase, result.sendingMs, run),
    ];
  };

  for (let round = 1; round <= rounds; round += 1) {
    if (only !== undefined) {
      rows.push(...(only === 'bare' ? [await bare(round)] : await baluchon(round)));
      continue;
    }
    let mine: Row[];
    let ceiling: Row;
    if (round % 2 === 1) {
      ceiling = await bare(round);
      mine = await baluchon(round);
    } else {
      mine = await baluchon(round);
      ceiling = await bare(round);
    }
    rows.push(ceiling, ...mine.map((one) => ({ ...one, ratio: ceiling.seconds / one.seconds })));
  }
} finally {
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}

/**
 * The highest sample between two instants of the child (ms since its process started, which is
 * within a few ms of the spawn the samples count from).
 */
function highest(run: SampledRun, fromMs: number, toMs: number): number {
  return Math.max(
    0,
    ...run.samplesMiB.filter((_v, i) => {
      const at = run.sampledAtMs[i] ?? -1;
      return at >= fromMs && at <= toMs;
    }),
  );
}

function row(round: number, contender: string, ms: number, run: SampledRun): Row {
  const seconds = ms / 1000;
  return {
    round,
    contender,
    photos,
    bytes: archive.pictureBytes,
    seconds,
    photosPerS: photos / seconds,
    mbPerS: archive.pictureBytes / 1e6 / seconds,
    peakRssMiB: run.peakRssMiB,
    cpuPer1000: run.cpuS / (photos / 1000),
    ratio: contender.startsWith('bare') ? 1 : null,
  };
}

const fixed = (value: number, digits = 1): string => value.toFixed(digits);
const load = (loads: number[]): string => loads.map((one) => one.toFixed(1)).join(' ');
console.log(
  `Photos benchmark — ${photos} pictures × ${size} bytes (${fixed(archive.pictureBytes / 1e6, 0)} MB), ` +
    `${archive.parts.length} zip parts (${fixed(archive.archiveBytes / 1e9, 2)} GB, ${archive.entries} entries), ` +
    `Apache mod_dav (harness), concurrency ${concurrency}, Node ${process.version}`,
);
console.log(`load average: at the start ${load(loadAtStart)}, at the end ${load(loadavg())}`);
console.log('');
console.log(
  '| round | contender | photos | s | photos/s | MB/s | vs bare loop | peak RSS MiB | CPU s per 1,000 photos (process) |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const one of rows) {
  console.log(
    `| ${one.round} | ${one.contender} | ${one.photos} | ${fixed(one.seconds, 2)} | ${fixed(one.photosPerS, 0)} | ${fixed(one.mbPerS)} | ${one.ratio === null ? '—' : `${fixed(one.ratio * 100, 0)} %`} | ${fixed(one.peakRssMiB, 0)} | ${fixed(one.cpuPer1000, 2)} |`,
  );
}
console.log('');
if (only === undefined && rounds > 1) {
  const mean = (contender: string): string => {
    const ratios = rows.flatMap((one) =>
      one.contender === contender && one.ratio !== null ? [one.ratio] : [],
    );
    const geo = Math.exp(ratios.reduce((sum, one) => sum + Math.log(one), 0) / ratios.length);
    return `${fixed(geo * 100, 0)} %`;
  };
  console.log(
    `Over ${rounds} rounds (geometric mean of the ratios): whole move ${mean(wholeMove)}, sending phase ${mean(sendingPhase)} of the bare loop`,
  );
}
for (const one of phases) {
  console.log(
    `Baluchon round ${one.round}: reading the archive ${fixed(one.readingS, 2)} s, ` +
      `sending ${fixed(one.sendingS, 2)} s, reading back ${fixed(one.verifyingS, 2)} s; ` +
      `highest RSS sampled: ${fixed(one.rssMiB.reading, 0)}, ${fixed(one.rssMiB.sending, 0)}, ${fixed(one.rssMiB.readingBack, 0)} MiB; ` +
      `${one.otherFiles} other files (album lists); problems told: ${one.problems.join(', ') || 'none'}`,
  );
}
console.log(`sidecar pairing alone, 100,000 entries: ${pairingMs} ms (pairing.ts, median of 5)`);
console.log(pairing.stdout.trim().replace(/^/gm, '  '));
console.log('');
console.log(
  JSON.stringify(
    {
      photos,
      size,
      parts: archive.parts.length,
      concurrency,
      node: process.version,
      loadAverage: { start: loadAtStart, end: loadavg() },
      pairingMs,
      rows,
      phases,
      // RSS (MiB) every 100 ms, one sample in ten: flat, or growing with the work.
      rss: Object.fromEntries(
        Object.entries(rssShapes).map(([name, samples]) => [
          name,
          samples.filter((_v, i) => i % 10 === 0).map((one) => Math.round(one)),
        ]),
      ),
    },
    null,
    2,
  ),
);
