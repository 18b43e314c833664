// better-sqlite3 is a native module: node_modules holds a build for Node (the tests and the CLI
// use it), and Electron's utility process needs one for Electron's own ABI. `npm start` builds
// that second copy once per Electron version into dist/native/, leaving node_modules untouched
// (electron-builder rebuilds in place when packaging, which is fine for a packaged app).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

export function ensureElectronSqlite(root) {
  const electronVersion = require('electron/package.json').version;
  const sqliteVersion = require('better-sqlite3/package.json').version;
  const stamp = `${electronVersion} ${sqliteVersion} ${process.platform} ${process.arch}`;
  const outDir = join(root, 'dist', 'native');
  const target = join(outDir, 'better_sqlite3.node');
  const stampFile = join(outDir, 'stamp');
  if (existsSync(target) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp)
    return target;

  const source = join(root, 'node_modules', 'better-sqlite3');
  const work = join(root, 'dist', 'native-build', 'better-sqlite3');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(source, work, {
    recursive: true,
    filter: (path) => !path.includes(`${join(source, 'build')}`),
  });

  // First a prebuilt binary for this Electron (what better-sqlite3 publishes), then a build
  // from source against Electron's headers.
  const attempts = [
    [
      process.execPath,
      [
        require.resolve('prebuild-install/bin.js'),
        '--runtime',
        'electron',
        '--target',
        electronVersion,
      ],
    ],
    [
      process.platform === 'win32' ? 'npx.cmd' : 'npx',
      [
        '--yes',
        'node-gyp',
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${electronVersion}`,
        '--dist-url=https://electronjs.org/headers',
      ],
    ],
  ];
  for (const [command, args] of attempts) {
    const result = spawnSync(command, args, { cwd: work, stdio: 'inherit' });
    const built = join(work, 'build', 'Release', 'better_sqlite3.node');
    if (result.status === 0 && existsSync(built)) {
      mkdirSync(outDir, { recursive: true });
      cpSync(built, target);
      writeFileSync(stampFile, stamp);
      rmSync(join(root, 'dist', 'native-build'), { recursive: true, force: true });
      return target;
    }
  }
  throw new Error(
    `Could not get better-sqlite3 ${sqliteVersion} for Electron ${electronVersion}: ` +
      'an internet connection is needed the first time (prebuilt binary or Electron headers).',
  );
}
