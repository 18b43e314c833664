// One server process, run under supervise.sh so that it can never outlive the test process.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SUPERVISOR = fileURLToPath(new URL('./supervise.sh', import.meta.url));
const TAIL_BYTES = 16 * 1024;
/** How long a server may take to stop after TERM before its whole process group gets KILL. */
const STOP_GRACE_MS = 5000;

export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  /** Pid of the supervisor, which is also the id of the process group everything runs in. */
  readonly processGroup: number;
  /** Settles when the supervisor (hence the server) has exited. Never rejects. */
  readonly exited: Promise<ExitStatus>;
  hasExited(): boolean;
  /** The last lines the server printed (stdout and stderr together). */
  outputTail(): string;
  /** TERM, then KILL of the whole group if it lingers. Resolves once the supervisor is gone. */
  stop(): Promise<void>;
}

export interface SpawnOptions {
  readonly command: string;
  readonly args: readonly string[];
  /** Removed by the supervisor if the test process dies without stopping the server. */
  readonly cleanupDir: string;
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Prefix for the lines echoed when BALUCHON_HARNESS_VERBOSE=1. */
  readonly label: string;
}

export function spawnServer(options: SpawnOptions): ServerProcess {
  const child = spawn(
    '/bin/sh',
    [SUPERVISOR, options.cleanupDir, options.command, ...options.args],
    {
      cwd: options.cwd ?? options.cleanupDir,
      env: { ...process.env, ...options.env },
      // A process group of its own: signals from the terminal do not reach it, and stop() can
      // KILL the server's children (Apache's workers) along with it.
      detached: true,
      // stdin is the pipe the supervisor watches: never written to, closed by the kernel when we die.
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error(`Cannot start ${options.command} under /bin/sh.`);

  let tail = '';
  const verbose = process.env['BALUCHON_HARNESS_VERBOSE'] === '1';
  const keep = (chunk: string) => {
    tail = (tail + chunk).slice(-TAIL_BYTES);
    if (verbose) process.stderr.write(prefixLines(options.label, chunk));
  };
  child.stdout.setEncoding('utf8').on('data', keep);
  child.stderr.setEncoding('utf8').on('data', keep);

  let done = false;
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once('exit', (code, signal) => {
      done = true;
      resolve({ code, signal });
    });
    child.once('error', (error) => {
      keep(`\n[harness] spawn error: ${error.message}\n`);
      done = true;
      resolve({ code: null, signal: null });
    });
  });

  const stop = async (): Promise<void> => {
    if (done) return;
    signal(pid, 'SIGTERM');
    if (await settlesWithin(exited, STOP_GRACE_MS)) return;
    keep(`\n[harness] still running ${STOP_GRACE_MS} ms after TERM: KILL to the whole group\n`);
    signal(-pid, 'SIGKILL');
    await exited;
  };

  return {
    processGroup: pid,
    exited,
    hasExited: () => done,
    outputTail: () => tail,
    stop,
  };
}

function signal(target: number, name: NodeJS.Signals): void {
  try {
    process.kill(target, name);
  } catch (error) {
    // ESRCH: already gone, which is what we wanted.
    if (!(error instanceof Error && 'code' in error && error.code === 'ESRCH')) throw error;
  }
}

function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      resolve(false);
    }, ms);
    void promise.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function prefixLines(label: string, chunk: string): string {
  return chunk.replace(/^(?=.)/gm, `[${label}] `);
}
