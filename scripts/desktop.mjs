#!/usr/bin/env node
// `npm start`: builds the desktop app (main process, preload, service process, renderer) into
// dist/ and launches Electron on it. `--build-only` stops after the build (used by packaging).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

// Native modules are loaded from node_modules at run time (they are rebuilt for Electron by
// electron-builder when packaging); Electron itself is provided by the runtime.
const external = ['electron', 'better-sqlite3'];
const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  external,
  absWorkingDir: root,
};

await Promise.all([
  esbuild({
    ...common,
    entryPoints: ['main/main.ts'],
    outfile: 'dist/main/main.js',
    format: 'esm',
  }),
  // Sandboxed preloads must be CommonJS.
  esbuild({
    ...common,
    entryPoints: ['main/preload.ts'],
    outfile: 'dist/main/preload.cjs',
    format: 'cjs',
  }),
  esbuild({
    ...common,
    entryPoints: ['main/service-host-entry.ts'],
    outfile: 'dist/main/service-host.js',
    format: 'esm',
    // Bundled ESM still needs `require` for the CommonJS packages it contains.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  }),
  viteBuild({ configFile: `${root}/vite.config.ts`, logLevel: 'warn' }),
]);

if (process.argv.includes('--build-only')) process.exit(0);

const electron = require('electron');
const child = spawn(electron, [`${root}/dist/main/main.js`], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
