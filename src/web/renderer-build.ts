// `baluchon web` works in a clone right after `npm ci`, with no separate build step: the
// renderer is built on first use, and again only when its sources changed (a fingerprint of
// every input file is kept next to the build). The build goes to a fresh folder that replaces
// the old one in one rename, so a browser never sees half a build, and parallel test workers
// never write into the same folder.
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

const inputs = ['renderer', 'locales', 'src/contract', 'vite.config.ts', 'package-lock.json'];

export interface RendererBuild {
  dir: string;
  built: boolean;
}

export async function ensureRendererBuilt(
  projectRoot: string,
  onBuildStart: () => void,
): Promise<RendererBuild> {
  const dir = join(projectRoot, 'dist', 'renderer');
  const fingerprint = await fingerprintOf(projectRoot);
  const stamp = await readFile(join(dir, '.fingerprint'), 'utf8').catch(() => '');
  if (stamp === fingerprint) return { dir, built: false };

  onBuildStart();
  const fresh = `${dir}.build-${process.pid}-${Date.now()}`;
  const { build } = await import('vite');
  // Always the production build of React, even when started from a test run: vitest sets
  // NODE_ENV=test, and Vite (and its React plugin) keep a NODE_ENV that is already set.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({
      configFile: join(projectRoot, 'vite.config.ts'),
      logLevel: 'error',
      mode: 'production',
      build: { outDir: fresh, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
  await writeFile(join(fresh, '.fingerprint'), fingerprint);
  const old = `${dir}.old-${process.pid}-${Date.now()}`;
  await rename(dir, old).catch(() => undefined);
  await rename(fresh, dir).catch(async () => {
    // Another process installed the same build first: use it.
    await rm(fresh, { recursive: true, force: true });
  });
  await rm(old, { recursive: true, force: true });
  return { dir, built: true };
}

async function fingerprintOf(projectRoot: string): Promise<string> {
  const hash = createHash('sha256');
  for (const input of inputs) {
    for (const file of await listFiles(join(projectRoot, input))) {
      hash.update(relative(projectRoot, file));
      hash.update('\0');
      hash.update(await readFile(file).catch(() => 'missing'));
    }
  }
  return hash.digest('hex');
}

async function listFiles(path: string): Promise<string[]> {
  const entries = await readdir(path, { withFileTypes: true }).catch(() => undefined);
  if (entries === undefined) return [path];
  const nested = await Promise.all(
    entries
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((entry) => {
        const child = join(path, entry.name);
        return entry.isDirectory() ? listFiles(child) : Promise.resolve([child]);
      }),
  );
  return nested.flat();
}
