// `connect` is bounded and cancellable (issue 12, point 4): a server trickling its answer or
// silent ends as a plain message after the deadlines (not after 48 minutes of retries), the whole
// discovery has its own deadline, and `startConnect` is a job with progress that Cancel ends.
// Deadlines are shortened through the service's options; the only time limits asserted are
// generous "it ends" ones (the tests' own timeouts).
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import type { BaluchonEvent } from '../../src/contract/index.ts';
import type { DiscoveryLimits } from '../../src/dav/discovery-limits.ts';
import { createService } from '../../src/service/create-service.ts';
import { fault, startRadicale, useFaultProxy, useServer } from '../harness/index.ts';

const sockets = new Set<Socket>();
const servers: Server[] = [];
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A server that accepts connections and never says a word; counts the requests it got. */
async function silentServer(): Promise<{
  url: string;
  connections: () => number;
  requests: () => string[];
}> {
  let connections = 0;
  const requests: string[] = [];
  const server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.setEncoding('latin1');
    socket.on('data', (text: string) => {
      for (const match of text.matchAll(/^([A-Z]+) (\S+) HTTP\/1\.1\r$/gm)) {
        requests.push(`${match[1] ?? ''} ${match[2] ?? ''}`);
      }
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/`,
    connections: () => connections,
    requests: () => requests,
  };
}

function setup(limits: Partial<DiscoveryLimits>) {
  let next = 0;
  const service = createService({
    mode: 'cli',
    locale: 'fr',
    dataDir: '/nonexistent',
    newId: () => `id-${String(++next)}`,
    dav: {
      retry: { sleep: () => Promise.resolve(), random: () => 0 },
      discoveryLimits: limits,
    },
  });
  const events: BaluchonEvent[] = [];
  service.subscribe((event) => events.push(event));
  const end = (jobId: string): Promise<Extract<BaluchonEvent, { type: 'job.end' }>> =>
    new Promise((resolve) => {
      const check = (): void => {
        const found = events.find(
          (event): event is Extract<BaluchonEvent, { type: 'job.end' }> =>
            event.type === 'job.end' && event.jobId === jobId,
        );
        if (found === undefined) setTimeout(check, 10);
        else resolve(found);
      };
      check();
    });
  return { service, events, end };
}

const quick = {
  requestDeadlineMs: 300,
  discoveryDeadlineMs: 60_000,
  retryPolicy: {
    maxAttempts: 3,
    baseDelayMs: 0,
    maxDelayMs: 0,
    maxRetryAfterMs: 0,
    maxTotalWaitMs: 0,
  },
};

describe('connect on a server that does not answer', () => {
  it('ends with “does not answer”, after a bounded number of requests', async () => {
    const silent = await silentServer();
    const { service } = setup(quick);
    const answer = await service.call('connect', {
      server: silent.url,
      username: 'anne',
      password: 'secret',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'connect.unreachable' } });
    // One address, its tries (3): not every known path, each retried.
    expect(silent.requests()).toEqual([`PROPFIND /`, `PROPFIND /`, `PROPFIND /`]);
  }, 20_000);

  it('stops at the discovery’s own deadline, whatever the per-request one', async () => {
    const silent = await silentServer();
    const { service } = setup({ ...quick, requestDeadlineMs: 60_000, discoveryDeadlineMs: 300 });
    const answer = await service.call('connect', {
      server: silent.url,
      username: 'anne',
      password: 'secret',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'connect.too-slow' } });
  }, 20_000);
});

describe('connect on a server whose answer is huge', () => {
  it('stops reading at the cap: the server could not send more than a small part', async () => {
    const total = 200 * 1024 * 1024;
    let written = 0;
    const server = createHttpServer((request, response) => {
      request.resume();
      response.writeHead(207, { 'content-type': 'application/xml' });
      response.write('<?xml version="1.0"?><d:multistatus xmlns:d="DAV:"><d:response>');
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const more = (): void => {
        while (sent < total && !response.destroyed) {
          sent += chunk.length;
          if (!response.write(chunk)) {
            response.once('drain', more);
            return;
          }
        }
        response.end();
      };
      response.on('close', () => {
        written += response.socket?.bytesWritten ?? sent;
      });
      more();
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/`;
    const { service } = setup({ ...quick, requestDeadlineMs: 10_000, maxAnswerBytes: 64 * 1024 });
    const answer = await service.call('connect', { server: url, username: 'a', password: 'b' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'connect.not-dav' } });
    server.closeAllConnections();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The cap (64 KiB) plus what the sockets' buffers held, for each address tried: far from
    // the 200 MiB the server had to send (before the cap: 64 MiB each).
    expect(written).toBeGreaterThan(64 * 1024);
    expect(written).toBeLessThan(32 * 1024 * 1024);
  }, 60_000);
});

describe('connect through a proxy that trickles Radicale’s answers', () => {
  const server = useServer(startRadicale);
  const proxy = useFaultProxy(() => server().url, { seed: 3 });

  it('gives up a PROPFIND answered one byte at a time', async () => {
    proxy().addRule({ match: { method: 'PROPFIND' }, action: fault.slowBody(1, 100) });
    const { service } = setup(quick);
    const { user } = server();
    const answer = await service.call('connect', {
      server: proxy().through(server().url),
      username: user.name,
      password: user.password,
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'connect.unreachable' } });
  }, 20_000);

  it('connects as a job, with progress, when the server answers', async () => {
    const { service, events, end } = setup(quick);
    const { user } = server();
    const started = await service.call('startConnect', {
      server: server().url,
      username: user.name,
      password: user.password,
    });
    if (!started.ok) throw new Error(started.error.code);
    const { jobId } = started.value as { jobId: string };
    const ended = await end(jobId);
    expect(ended).toMatchObject({
      kind: 'connect',
      outcome: 'done',
      result: { calendarHome: user.home },
    });
    const progress = events.filter((event) => event.type === 'job.progress');
    expect(progress[0]).toMatchObject({ kind: 'connect', progress: { phase: 'searching' } });
  }, 20_000);
});

describe('startConnect', () => {
  it('is ended by Cancel while the server is silent', async () => {
    const silent = await silentServer();
    const { service, events, end } = setup({ ...quick, requestDeadlineMs: 60_000 });
    const started = await service.call('startConnect', {
      server: silent.url,
      username: 'anne',
      password: 'secret',
    });
    if (!started.ok) throw new Error(started.error.code);
    const { jobId } = started.value as { jobId: string };
    // Cancel once the first request is on its way.
    await new Promise<void>((resolve) => {
      const check = (): void => {
        if (silent.connections() > 0 && events.some((e) => e.type === 'job.progress')) resolve();
        else setTimeout(check, 10);
      };
      check();
    });
    expect(await service.call('cancelJob', { jobId })).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    expect(await end(jobId)).toMatchObject({ outcome: 'cancelled' });
  }, 20_000);

  it('answers a mistyped address at once, not as a job', async () => {
    const { service } = setup(quick);
    const answer = await service.call('startConnect', {
      server: 'ftp://example.org',
      username: 'anne',
      password: 'secret',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'connect.bad-address' } });
  });
});
