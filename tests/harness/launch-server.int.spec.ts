// Starting on a free port survives a port taken under our feet, and failures say why.
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pickFreePort } from './free-port.ts';
import { INSTANCE_HEADER, launchOnFreePort, ServerStartError } from './launch-server.ts';
import { answersAsInstance } from './running-server.ts';
import type { ServerProcess } from './server-process.ts';
import { spawnServer } from './server-process.ts';

// A stand-in server: Node answering with the instance header, or exiting at once when its
// port is taken (as Radicale and Apache do).
const TINY_SERVER = `
const [port, instance] = process.argv.slice(1);
require('node:http')
  .createServer((req, res) => res.writeHead(200, { '${INSTANCE_HEADER}': instance }).end())
  .on('error', (error) => { console.error('cannot listen: ' + error.code); process.exit(1); })
  .listen(Number(port), '127.0.0.1');
`;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function scratchDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'baluchon-harness-launch-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Something else listening on 127.0.0.1, answering HTTP without our header. */
async function squatter(): Promise<number> {
  const server = createServer((_req, res) => res.end('not yours'));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  cleanups.push(
    () =>
      new Promise((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  );
  return (server.address() as AddressInfo).port;
}

function tiny(dir: string, instance: string, started: ServerProcess[]) {
  return (port: number): Promise<readonly ServerProcess[]> => {
    const child = spawnServer({
      command: process.execPath,
      args: ['-e', TINY_SERVER, String(port), instance],
      cleanupDir: dir,
      label: 'tiny',
    });
    started.push(child);
    return Promise.resolve([child]);
  };
}

describe('launchOnFreePort', () => {
  it('tries another port when the first one was taken meanwhile', async () => {
    const dir = await scratchDir();
    const taken = await squatter();
    const ports = [taken];
    const started: ServerProcess[] = [];
    const { port, processes } = await launchOnFreePort({
      label: 'Tiny',
      deadline: Date.now() + 20_000,
      pickPort: () => Promise.resolve(ports.shift() ?? pickFreePort()),
      launch: tiny(dir, 'ours', started),
      // The squatter answers HTTP too: only our header proves the answer is ours.
      isReady: (p) => answersAsInstance(p, 'ours'),
    });
    cleanups.push(() => Promise.all(processes.map((p) => p.stop())).then(() => undefined));
    expect(port).not.toBe(taken);
    expect(started).toHaveLength(2);
    expect(started[0]?.hasExited()).toBe(true);
    expect(started[0]?.outputTail()).toContain('cannot listen: EADDRINUSE');
    expect(await answersAsInstance(port, 'ours')).toBe(true);
  });

  it('gives up after the last attempt, with the exit and the output', async () => {
    const dir = await scratchDir();
    const taken = await squatter();
    const started: ServerProcess[] = [];
    const launching = launchOnFreePort({
      label: 'Tiny',
      deadline: Date.now() + 20_000,
      attempts: 2,
      pickPort: () => Promise.resolve(taken),
      launch: tiny(dir, 'ours', started),
      isReady: (p) => answersAsInstance(p, 'ours'),
    });
    await expect(launching).rejects.toThrow(ServerStartError);
    await expect(launching).rejects.toThrow(
      /Tiny did not start on 127\.0\.0\.1:\d+ \(attempt 2\): it exited before answering HTTP \(exit code 1\)\.\nLast output:\n {2}cannot listen: EADDRINUSE/,
    );
    expect(started).toHaveLength(2);
  });

  it('stops a server that never answers when the deadline passes, and says so', async () => {
    const dir = await scratchDir();
    const started: ServerProcess[] = [];
    const launching = launchOnFreePort({
      label: 'Mute',
      deadline: Date.now() + 300,
      launch: () => {
        const mute = spawnServer({
          command: process.execPath,
          args: ['-e', 'console.log("thinking…"); setInterval(() => {}, 1000)'],
          cleanupDir: dir,
          label: 'mute',
        });
        started.push(mute);
        return Promise.resolve([mute]);
      },
      isReady: () => Promise.resolve(false),
    });
    await expect(launching).rejects.toThrow(
      /Mute did not start .*: it did not answer HTTP in time\.\nLast output:\n {2}thinking…/,
    );
    expect(started).toHaveLength(1);
    expect(started[0]?.hasExited()).toBe(true);
  });
});
