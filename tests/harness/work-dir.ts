// The throwaway folder of one server: configuration, data, logs, sockets, locks.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerKind } from './dav-server.ts';

export interface WorkDir {
  readonly root: string;
  /** What the server stores (DavServer.dataDir). */
  readonly data: string;
  /** Configuration and the htpasswd file. */
  readonly etc: string;
  /** Pid files, sockets, lock databases. */
  readonly run: string;
  readonly log: string;
}

/** Makes `$TMPDIR/baluchon-harness-<kind>-XXXXXX/{data,etc,run,log}`. */
export async function makeWorkDir(kind: ServerKind): Promise<WorkDir> {
  const root = await mkdtemp(join(tmpdir(), `baluchon-harness-${kind}-`));
  const dir: WorkDir = {
    root,
    data: join(root, 'data'),
    etc: join(root, 'etc'),
    run: join(root, 'run'),
    log: join(root, 'log'),
  };
  await Promise.all([dir.data, dir.etc, dir.run, dir.log].map((path) => mkdir(path)));
  return dir;
}

export async function removeWorkDir(dir: WorkDir): Promise<void> {
  await rm(dir.root, { recursive: true, force: true, maxRetries: 3 });
}

/** The last `bytes` of a text file, or '' when it does not exist (yet). */
export async function fileTail(path: string, bytes = 4096): Promise<string> {
  try {
    const text = await readFile(path, 'utf8');
    return text.slice(-bytes);
  } catch {
    return '';
  }
}
