// Starts the real `baluchon web` command in a child process (as a user would), with its own
// throwaway data folder. `url` is the app's address, which lets nobody in by itself: a browser
// gets in through an address good once, which the command prints first and then each time Enter
// is pressed in its terminal (here: a newline on its stdin). `entryAddress` asks for one, and
// WizardPage.open uses it, so that every new page (Playwright gives each its own cookies) gets in.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface WebApp {
  /** The app's own address (no code): a browser without the session cookie is refused there. */
  url: string;
  dataDir: string;
  /** A new address good once (what pressing Enter in the terminal prints). */
  enter(): Promise<string>;
  stop(): Promise<void>;
}

/** The running apps by their address, for page models that are only given that address. */
const running = new Map<string, WebApp>();

/** An address good once into the app at `url`; any other address is given back as it is. */
export async function entryAddress(url: string): Promise<string> {
  const app = running.get(new URL('/', url).href);
  return app === undefined ? url : app.enter();
}

export async function startWebApp(env: Record<string, string> = {}): Promise<WebApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'baluchon-e2e-data-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/main.ts', 'web', '--no-open'],
    {
      cwd: projectRoot,
      env: { ...process.env, BALUCHON_DATA_DIR: dataDir, LANG: 'fr_FR.UTF-8', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // Each printed line is one address; they come in the order they were asked for.
  const waiting: ((line: string) => void)[] = [];
  const lines = createInterface({ input: child.stdout ?? process.stdin });
  lines.on('line', (line) => waiting.shift()?.(line));
  const nextLine = () => new Promise<string>((resolve) => waiting.push(resolve));
  const first = await new Promise<string>((resolve, reject) => {
    void nextLine().then(resolve);
    child.once('exit', (code) => {
      reject(new Error(`baluchon web exited with ${String(code)}: ${stderr}`));
    });
  });
  const app: WebApp = {
    url: new URL('/', first).href,
    dataDir,
    enter() {
      const line = nextLine();
      child.stdin?.write('\n');
      return line;
    },
    async stop() {
      running.delete(app.url);
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGINT');
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  running.set(app.url, app);
  return app;
}
