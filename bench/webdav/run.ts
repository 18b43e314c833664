// Benchmark of moving Drive files into WebDAV (Apache mod_dav from the test harness), in one
// run, side by side with baselines on the same server at the same concurrency:
// - small files: 10,000 × 10 KB (files/s); large files: 20 × 100 MB (MiB/s);
// - Baluchon: from a generated Takeout archive (zip), through the migration engine, the journal
//   and the files sink (scan, plan and read-back timed apart);
// - the server's ceiling: a bare keep-alive PUT loop of the same files from disk (undici);
// - `rclone copy` of the same files from disk (webdav remote, `--transfers` = our concurrency);
// - the `webdav` package (v5) putting the same files from disk, as its evaluation.
// Peak memory (max RSS, from GNU time) of each. Everything generated goes to a temporary folder
// that is removed at the end, as are the server's copies between contenders.
//
// Baluchon runs as the app runs it: bundled by esbuild (bundle-child.ts), under plain `node`.
//
//   npx tsx bench/webdav/run.ts [--concurrency 4] [--small 10000] [--large 20] [--only small|large]
//     [--baluchon-flags="--optimize-for-size"]   (V8 flags to try: Baluchon runs again with them)
//
// Needs /usr/bin/time (Debian: time), rclone and apache2 (Debian packages).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startApache } from '../../tests/harness/apache.ts';
import { basicAuth } from '../../tests/harness/users.ts';
import { generate } from './bench-data.ts';
import { bundleChild } from './bundle-child.ts';
import type { Scenario, ScenarioData } from './bench-data.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: {
    concurrency: { type: 'string', default: '4' },
    small: { type: 'string', default: '10000' },
    large: { type: 'string', default: '20' },
    only: { type: 'string' },
    'baluchon-flags': { type: 'string', default: '' },
  },
});
const concurrency = Number(values.concurrency);
const baluchonFlags = values['baluchon-flags'].split(' ').filter((flag) => flag !== '');
/** Baluchon as the app runs it today, then (when asked) with the flags to try, in the same run. */
const baluchonVariants: string[][] = baluchonFlags.length === 0 ? [[]] : [[], baluchonFlags];
const scenarios: Scenario[] = [
  { name: 'small', files: Number(values.small), fileBytes: 10 * 1024, perFolder: 100 },
  { name: 'large', files: Number(values.large), fileBytes: 100 * 1024 * 1024, perFolder: 10 },
].filter((scenario) => values.only === undefined || values.only === scenario.name) as Scenario[];

interface Measure {
  readonly wallMs: number;
  readonly maxRssMiB: number;
  readonly stdout: string;
}

/** Runs a command under GNU time: wall clock here, peak RSS (it and its children) there. */
function measure(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Measure> {
  const timeFile = join(work, `time-${Math.random().toString(36).slice(2)}`);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', '%M', '-o', timeFile, command, ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      if (code !== 0) {
        reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${stderr}`));
        return;
      }
      const maxRssKiB = Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1));
      rmSync(timeFile, { force: true });
      resolve({ wallMs, maxRssMiB: maxRssKiB / 1024, stdout });
    });
  });
}

function countFiles(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '.DAV') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = countFiles(full);
      files += inner.files;
      bytes += inner.bytes;
    } else {
      files++;
      bytes += statSync(full).size;
    }
  }
  return { files, bytes };
}

interface Row {
  scenario: Scenario['name'];
  contender: string;
  files: number;
  bytes: number;
  /** Time of the transfer itself (for Baluchon: plan + send through the engine). */
  transferS: number;
  /** Whole process, start-up and (for Baluchon) scan and read-back included. */
  wallS: number;
  filesPerS: number;
  mibPerS: number;
  maxRssMiB: number;
  detail?: Record<string, number | string>;
}

const work = mkdtempSync(join(tmpdir(), 'baluchon-bench-webdav-'));
const rows: Row[] = [];
/** Peak RSS of Node with Baluchon's modules loaded, doing nothing: bundled, and under tsx. */
const startupRssMiB = { bundled: 0, tsx: 0 };
const server = await startApache({ startTimeoutMs: 60_000 });
try {
  const user = server.user;
  const env = { BENCH_PASSWORD: user.password };
  const userDir = join(server.dataDir, user.name);
  const rcloneConfig = join(work, 'rclone.conf');
  const obscured = spawnSync('rclone', ['obscure', user.password], {
    encoding: 'utf8',
  }).stdout.trim();
  writeFileSync(
    rcloneConfig,
    `[bench]\ntype = webdav\nurl = ${user.home}\nvendor = other\nuser = ${user.name}\npass = ${obscured}\n`,
  );

  const baluchonChild = await bundleChild(join(work, 'bundle'));
  startupRssMiB.bundled = (await measure(process.execPath, [baluchonChild, 'noop'])).maxRssMiB;
  startupRssMiB.tsx = (
    await measure(process.execPath, ['--import', 'tsx', 'bench/webdav/baluchon-child.ts', 'noop'])
  ).maxRssMiB;

  for (const scenario of scenarios) {
    console.error(`generating ${scenario.files} × ${scenario.fileBytes} bytes…`);
    const data: ScenarioData = generate(join(work, 'data'), scenario);
    const record = (
      contender: string,
      measured: Measure,
      transferMs: number,
      folder: string,
      detail?: Row['detail'],
    ): void => {
      const arrived = countFiles(join(userDir, folder));
      if (arrived.files !== scenario.files || arrived.bytes !== data.bytes) {
        throw new Error(`${contender}: ${arrived.files} files, ${arrived.bytes} bytes arrived`);
      }
      rows.push({
        scenario: scenario.name,
        contender,
        files: arrived.files,
        bytes: arrived.bytes,
        transferS: transferMs / 1000,
        wallS: measured.wallMs / 1000,
        filesPerS: arrived.files / (transferMs / 1000),
        mibPerS: arrived.bytes / 1024 / 1024 / (transferMs / 1000),
        maxRssMiB: measured.maxRssMiB,
        ...(detail === undefined ? {} : { detail }),
      });
      // The server's copy goes before the next contender (disk space, and a fair start).
      rmSync(join(userDir, folder), { recursive: true, force: true });
      console.error(`${scenario.name} ${contender}: ${(transferMs / 1000).toFixed(2)} s`);
    };
    const folderUrl = (folder: string): string => `${user.home}${folder}/`;
    const makeFolder = async (folder: string): Promise<void> => {
      await fetch(folderUrl(folder), {
        method: 'MKCOL',
        headers: { authorization: basicAuth(user) },
      });
    };

    // 1. The server's ceiling.
    const loop = await measure(
      process.execPath,
      [
        '--import',
        'tsx',
        'bench/webdav/put-loop.ts',
        folderUrl('loop'),
        user.name,
        'BENCH_PASSWORD',
        String(concurrency),
        data.dir,
      ],
      env,
    );
    record(
      'PUT loop (ceiling)',
      loop,
      (JSON.parse(loop.stdout) as { totalMs: number }).totalMs,
      'loop',
    );

    // 2. Baluchon, from the archive, bundled as in the app; again with the V8 flags to try.
    for (const flags of baluchonVariants) {
      const journal = join(work, `journal-${scenario.name}.sqlite`);
      const baluchon = await measure(
        process.execPath,
        [
          ...flags,
          baluchonChild,
          journal,
          user.home,
          user.name,
          'BENCH_PASSWORD',
          String(concurrency),
          ...data.parts,
        ],
        env,
      );
      const timings = JSON.parse(baluchon.stdout) as {
        transferMs: number;
        scanMs: number;
        planMs: number;
        verifyMs: number;
        created: number;
        failed: number;
        verified: number;
      };
      if (timings.failed !== 0 || timings.verified !== scenario.files) {
        throw new Error(`Baluchon: ${baluchon.stdout}`);
      }
      const contender =
        flags.length === 0 ? 'Baluchon (archive → engine)' : `Baluchon ${flags.join(' ')}`;
      record(contender, baluchon, timings.transferMs, 'baluchon', {
        scanS: timings.scanMs / 1000,
        planS: timings.planMs / 1000,
        verifyS: timings.verifyMs / 1000,
      });
      rmSync(journal, { force: true });
    }

    // 3. rclone copy.
    const rclone = await measure('rclone', [
      '--config',
      rcloneConfig,
      'copy',
      data.dir,
      'bench:rclone',
      '--transfers',
      String(concurrency),
    ]);
    record(`rclone copy --transfers ${concurrency}`, rclone, rclone.wallMs, 'rclone');

    // 4. The webdav package, evaluated.
    await makeFolder('webdav');
    const webdav = await measure(
      process.execPath,
      [
        '--import',
        'tsx',
        'bench/webdav/webdav-package.ts',
        folderUrl('webdav'),
        user.name,
        'BENCH_PASSWORD',
        String(concurrency),
        data.dir,
      ],
      env,
    );
    record(
      'webdav v5 putFileContents',
      webdav,
      (JSON.parse(webdav.stdout) as { totalMs: number }).totalMs,
      'webdav',
    );

    rmSync(join(work, 'data'), { recursive: true, force: true });
  }
} finally {
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}

const fixed = (value: number, digits = 1): string => value.toFixed(digits);
console.log(
  `WebDAV benchmark — Apache mod_dav (harness), concurrency ${concurrency}, Node ${process.version}, load average at the end ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')}`,
);
console.log(
  `Node with Baluchon's modules loaded, doing nothing: bundled ${fixed(startupRssMiB.bundled, 0)} MiB, under tsx ${fixed(startupRssMiB.tsx, 0)} MiB peak RSS`,
);
console.log('');
console.log(
  '| scenario | contender | files | transfer s | files/s | MiB/s | vs ceiling | process s | peak RSS MiB |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const row of rows) {
  const ceiling = rows.find(
    (other) => other.scenario === row.scenario && other.contender.startsWith('PUT loop'),
  );
  const ratio = ceiling === undefined ? 1 : ceiling.transferS / row.transferS;
  console.log(
    `| ${row.scenario} | ${row.contender} | ${row.files} | ${fixed(row.transferS, 2)} | ${fixed(row.filesPerS, 0)} | ${fixed(row.mibPerS)} | ${fixed(ratio * 100, 0)} % | ${fixed(row.wallS, 2)} | ${fixed(row.maxRssMiB, 0)} |`,
  );
}
console.log('');
console.log(
  JSON.stringify(
    { concurrency, node: process.version, baluchonFlags, startupRssMiB, rows },
    null,
    2,
  ),
);
