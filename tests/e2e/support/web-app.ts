// Starts the real `baluchon web` command in a child process (as a user would), with its own
// throwaway data folder, and gives back the address it printed.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface WebApp {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startWebApp(env: Record<string, string> = {}): Promise<WebApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'baluchon-e2e-data-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/main.ts', 'web', '--no-open'],
    {
      cwd: projectRoot,
      env: { ...process.env, BALUCHON_DATA_DIR: dataDir, LANG: 'fr_FR.UTF-8', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout ?? process.stdin });
    lines.once('line', resolve);
    child.once('exit', (code) => {
      reject(new Error(`baluchon web exited with ${String(code)}: ${stderr}`));
    });
  });
  return {
    url,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGINT');
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
