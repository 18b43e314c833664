#!/usr/bin/env node
// `npm start`: builds the desktop app (main process, preload, service process, renderer) into
// dist/ and launches Electron on it. `--build-only` stops after the build (used by packaging);
// `--out DIR` builds elsewhere than dist/ (the tests build into a temporary folder).
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { ensureElectronSqlite } from './electron-sqlite.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const outIndex = process.argv.indexOf('--out');
const out = outIndex < 0 ? join(root, 'dist') : resolve(process.argv[outIndex + 1] ?? 'dist');

// Native modules are loaded at run time (see electron-sqlite.mjs); Electron itself is provided
// by the runtime.
const external = ['electron', 'better-sqlite3'];
const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  external,
  absWorkingDir: root,
};

// The renderer is always a production build (see src/web/renderer-build.ts for why NODE_ENV).
process.env.NODE_ENV = 'production';
await Promise.all([
  esbuild({
    ...common,
    entryPoints: ['main/main.ts'],
    outfile: join(out, 'main/main.js'),
    format: 'esm',
  }),
  // Sandboxed preloads must be CommonJS.
  esbuild({
    ...common,
    entryPoints: ['main/preload.ts'],
    outfile: join(out, 'main/preload.cjs'),
    format: 'cjs',
  }),
  esbuild({
    ...common,
    entryPoints: ['main/service-host-entry.ts'],
    outfile: join(out, 'main/service-host.js'),
    format: 'esm',
    // Bundled ESM still needs `require` for the CommonJS packages it contains.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  }),
  viteBuild({
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
    mode: 'production',
    build: { outDir: join(out, 'renderer'), emptyOutDir: true },
  }),
]);

// Data files the engine reads at run time, beside the bundles (src/hosts reads them relative to
// its own module: from dist/main/ that is dist/data/).
mkdirSync(join(out, 'data'), { recursive: true });
for (const file of ['gazetteer.json.gz', 'directory.json']) {
  copyFileSync(join(root, 'src/hosts/data', file), join(out, 'data', file));
}

if (process.argv.includes('--build-only')) process.exit(0);

ensureElectronSqlite(root);

// The electron package downloads its runtime the first time it is needed; without a network (or
// behind a proxy) that fails and requiring it throws with a stack trace. Say what to do instead.
let electron;
try {
  electron = require('electron');
} catch (error) {
  console.error(
    [
      `Electron's runtime is not installed (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).`,
      'Connect to the internet and run `npm start` again: the first start downloads it;',
      'or use Baluchon in your browser meanwhile: `npm run --silent baluchon -- web`.',
    ].join('\n'),
  );
  process.exit(1);
}
const child = spawn(electron, [join(out, 'main/main.js')], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
