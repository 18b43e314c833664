// Readiness: a server is ready when it answers HTTP, not when its process exists.
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ServerProcess } from './server-process.ts';

export interface HttpTarget {
  /** TCP port on 127.0.0.1, or… */
  readonly port?: number;
  /** …a Unix domain socket. */
  readonly socketPath?: string;
  readonly path?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** What a GET gets back, or `undefined` when nothing answers (refused, reset, timed out). */
export function httpProbe(target: HttpTarget): Promise<HttpAnswer | undefined> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: target.port,
        socketPath: target.socketPath,
        path: target.path ?? '/',
        headers: target.headers,
        // A fresh connection each time: a probe must not leave a keep-alive socket behind.
        agent: false,
        timeout: 2000,
      },
      (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, headers: res.headers });
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => {
      resolve(undefined);
    });
    req.end();
  });
}

/** Thrown when a server process exits before it answered: the caller may retry. */
export class ExitedBeforeReadyError extends Error {
  constructor(readonly label: string) {
    super(`${label} exited before answering HTTP`);
  }
}

/** Thrown when the deadline passes before the server answered. */
export class NotReadyError extends Error {
  constructor(readonly label: string) {
    super(`${label} did not answer HTTP in time`);
  }
}

/**
 * Polls `isReady` (10 ms, growing to 50 ms between tries) until it says yes, one of
 * `processes` exits, or `deadline` (a `Date.now()` value) passes.
 */
export async function waitUntilReady(options: {
  readonly label: string;
  readonly processes: readonly ServerProcess[];
  readonly isReady: () => Promise<boolean>;
  readonly deadline: number;
}): Promise<void> {
  let pause = 10;
  for (;;) {
    if (options.processes.some((p) => p.hasExited())) {
      throw new ExitedBeforeReadyError(options.label);
    }
    if (await options.isReady()) return;
    if (Date.now() >= options.deadline) throw new NotReadyError(options.label);
    await sleep(pause);
    pause = Math.min(50, pause * 2);
  }
}
