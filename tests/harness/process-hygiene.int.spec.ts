// Nothing outlives the test process, even when it is killed with SIGKILL and no cleanup code
// of ours can run: supervise.sh sees its pipe close, stops the server and removes its folder.
import { spawn } from 'node:child_process';
import type { ChildProcessByStdio } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

const FIXTURE = fileURLToPath(new URL('./fixtures/hold-a-server.ts', import.meta.url));

/** Pids of the live (not zombie) processes of a process group, read from /proc. */
async function liveMembers(group: number): Promise<number[]> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  const members: number[] = [];
  for (const pid of pids) {
    let stat: string;
    try {
      stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // "pid (comm) state ppid pgrp …": comm may hold spaces, so split after its last ')'.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // A zombie holds nothing but its pid. (Where init does not reap orphans, zombies linger.)
    if (Number(pgrp) === group && state !== 'Z') members.push(Number(pid));
  }
  return members;
}

/** The first line the child prints, or its stderr if it exits before. */
async function firstLine(child: ChildProcessByStdio<null, Readable, Readable>): Promise<string> {
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const lines = createInterface({ input: child.stdout });
  const line = once(lines, 'line').then(([text]) => String(text));
  const exit = once(child, 'exit').then(([code]) => {
    throw new Error(`the child exited (${String(code)}) before starting a server:\n${stderr}`);
  });
  return Promise.race([line, exit]);
}

describe.each(['apache', 'radicale', 'xandikos'])('%s', (kind) => {
  it('dies and leaves no folder when the test process is killed with SIGKILL', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, kind], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const started = JSON.parse(await firstLine(child)) as {
        processGroups: number[];
        workDir: string;
      };
      expect(existsSync(started.workDir)).toBe(true);
      for (const group of started.processGroups) {
        expect((await liveMembers(group)).length).toBeGreaterThan(0);
      }

      child.kill('SIGKILL');

      await vi.waitFor(
        async () => {
          expect(existsSync(started.workDir)).toBe(false);
          for (const group of started.processGroups) expect(await liveMembers(group)).toEqual([]);
        },
        { timeout: 20_000, interval: 100 },
      );
    } finally {
      child.kill('SIGKILL');
    }
  });
});
