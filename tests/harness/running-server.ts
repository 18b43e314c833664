// What the start functions share once their processes run: readiness check, the DavServer
// object, and a stop() that always leaves nothing behind.
import { randomBytes } from 'node:crypto';
import type { DavServer, ServerKind, ServerUser } from './dav-server.ts';
import { INSTANCE_HEADER } from './launch-server.ts';
import type { ServerProcess } from './server-process.ts';
import type { Credentials } from './users.ts';
import { httpProbe } from './wait-until-ready.ts';
import type { WorkDir } from './work-dir.ts';
import { removeWorkDir } from './work-dir.ts';

export const DEFAULT_START_TIMEOUT_MS = 30_000;

/** A random value for INSTANCE_HEADER. */
export function newInstanceId(): string {
  return randomBytes(9).toString('base64url');
}

/** True when something answers HTTP on 127.0.0.1:`port` carrying our instance id. */
export async function answersAsInstance(port: number, instance: string): Promise<boolean> {
  const answer = await httpProbe({ port });
  return answer !== undefined && answer.headers[INSTANCE_HEADER] === instance;
}

export function runningServer(parts: {
  readonly kind: ServerKind;
  readonly port: number;
  readonly credentials: readonly Credentials[];
  /** Path of a user's home below the root, ending in `/`. */
  readonly homePath: (name: string) => string;
  readonly work: WorkDir;
  readonly dataDir?: string;
  readonly processes: readonly ServerProcess[];
}): DavServer {
  const url = `http://127.0.0.1:${parts.port}/`;
  const users: ServerUser[] = parts.credentials.map(({ name, password }) => ({
    name,
    password,
    home: new URL(parts.homePath(name), url).href,
  }));
  const [user] = users;
  if (user === undefined) throw new Error('A test server needs at least one user.');
  let stopping: Promise<void> | undefined;
  return {
    kind: parts.kind,
    url,
    port: parts.port,
    users,
    user,
    dataDir: parts.dataDir ?? parts.work.data,
    workDir: parts.work.root,
    processGroups: parts.processes.map((p) => p.processGroup),
    stop: () => (stopping ??= stopAll(parts.processes, parts.work)),
  };
}

/** Stops the processes, then removes the folder, even if a stop failed. */
export async function stopAll(processes: readonly ServerProcess[], work: WorkDir): Promise<void> {
  try {
    await Promise.all(processes.map((p) => p.stop()));
  } finally {
    await removeWorkDir(work);
  }
}
