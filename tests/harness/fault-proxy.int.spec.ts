// The fault proxy in front of a real Apache WebDAV server: each action does what it says,
// rules expire, every request is recorded, keep-alive survives the proxy.
import { request as httpRequest } from 'node:http';
import { Agent, fetch } from 'undici';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startApache } from './apache.ts';
import { send } from './dav-test-requests.ts';
import type { FaultProxy } from './fault-proxy.ts';
import { fault, startFaultProxy } from './fault-proxy.ts';
import { basicAuth } from './users.ts';
import { useFaultProxy, useServer } from './vitest-helpers.ts';

const server = useServer(() => startApache());
const proxy = useFaultProxy(() => server().url, { seed: 42 });

/** URL of `name` in the user's folder, straight to the server. */
const direct = (name: string) => `${server().user.home}${name}`;
/** The same, through the proxy. */
const proxied = (name: string) => proxy().through(direct(name));
const user = () => server().user;

/** A promise the test settles when it wants: for deterministic holds. */
function newGate(): { gate: Promise<void>; release: () => void } {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { gate, release };
}

/** Resolves when the proxy has recorded a request matching `check`. */
async function recorded(check: (r: FaultProxy['requests'][number]) => boolean) {
  return vi.waitFor(() => {
    const found = proxy().requests.find(check);
    if (found === undefined) throw new Error('not recorded yet');
    return found;
  });
}

describe('pass-through and recording', () => {
  it('forwards requests and records method, path, headers, user and status', async () => {
    const put = await send('PUT', proxied('hello.txt'), {
      user: user(),
      body: 'hello',
      headers: { 'content-type': 'text/plain', 'if-none-match': '*' },
    });
    expect(put.status).toBe(201);
    expect(put.headers.get('location')).toBe(proxied('hello.txt'));
    const get = await send('GET', `${proxied('hello.txt')}?v=1`, { user: user() });
    expect(get.text).toBe('hello');

    expect(proxy().requests).toMatchObject([
      {
        seq: 1,
        method: 'PUT',
        path: '/alice/hello.txt',
        user: 'alice',
        headers: { 'content-type': 'text/plain', 'if-none-match': '*', 'content-length': '5' },
        rule: undefined,
        action: 'pass',
        reachedServer: true,
        status: 201,
        outcome: 'completed',
      },
      {
        seq: 2,
        method: 'GET',
        path: '/alice/hello.txt',
        target: '/alice/hello.txt?v=1',
        status: 200,
      },
    ]);
    expect(JSON.stringify(proxy().requests)).not.toContain(user().password);
  });

  it('answers 502 and records why when the server cannot be reached', async () => {
    const unreachable = await startFaultProxy({ target: 'http://127.0.0.1:1/' });
    try {
      const answer = await send('GET', unreachable.url);
      expect(answer.status).toBe(502);
      expect(unreachable.requests[0]).toMatchObject({ status: 502, reachedServer: false });
      expect(unreachable.requests[0]?.error).toMatch(/ECONNREFUSED/);
    } finally {
      await unreachable.stop();
    }
  });
});

describe('respond', () => {
  it.each([
    ['503 with Retry-After in seconds', fault.unavailable(2), 503, { 'retry-after': '2' }],
    [
      '503 with Retry-After as an HTTP-date',
      fault.unavailable(new Date(Date.UTC(2030, 5, 1))),
      503,
      { 'retry-after': 'Sat, 01 Jun 2030 00:00:00 GMT' },
    ],
    ['429', fault.tooManyRequests(1), 429, { 'retry-after': '1' }],
    ['423', fault.respond(423), 423, {}],
    ['507', fault.respond(507), 507, {}],
    ['500 with a body', fault.respond(500, { 'content-type': 'text/plain' }, 'boom'), 500, {}],
  ])('answers %s without reaching the server', async (_name, action, status, headers) => {
    proxy().addRule({ match: { method: 'PUT' }, action });
    const answer = await send('PUT', proxied('never.txt'), { user: user(), body: 'x' });
    expect(answer.status).toBe(status);
    for (const [name, value] of Object.entries(headers)) {
      expect(answer.headers.get(name)).toBe(value);
    }
    expect((await send('GET', direct('never.txt'), { user: user() })).status).toBe(404);
    expect(proxy().requests[0]).toMatchObject({ status, reachedServer: false, action: 'respond' });
  });
});

describe('rules', () => {
  it('expire after N uses', async () => {
    const rule = proxy().addRule({
      match: { method: 'PUT' },
      times: 2,
      action: fault.unavailable(1),
    });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push(
        (await send('PUT', proxied('retried.txt'), { user: user(), body: `${i}` })).status,
      );
    }
    expect(statuses).toEqual([503, 503, 201]);
    expect(rule.uses).toBe(2);
    expect(rule.expired).toBe(true);
    expect(proxy().requests.map((r) => r.rule)).toEqual([rule.name, rule.name, undefined]);
  });

  it('let the first requests pass before a fault, and match paths', async () => {
    proxy().addRule({ match: { method: 'PUT', path: /\.ics$/ }, times: 1, action: fault.pass() });
    proxy().addRule({
      name: 'full',
      match: { method: 'PUT', path: /\.ics$/ },
      action: fault.respond(507),
    });
    const statuses: number[] = [];
    for (const name of ['a.ics', 'b.ics', 'c.txt']) {
      statuses.push((await send('PUT', proxied(name), { user: user(), body: name })).status);
    }
    expect(statuses).toEqual([201, 507, 201]);
  });

  it('draw faults from the seed: the same seed gives the same faults', async () => {
    const runWithSeed = async (seed: number) => {
      const own = await startFaultProxy({ target: server().url, seed });
      try {
        own.addRule({ probability: 0.5, action: fault.unavailable(1) });
        const statuses: number[] = [];
        for (let i = 0; i < 16; i++) {
          statuses.push((await send('GET', own.through(direct('')), { user: user() })).status);
        }
        return statuses;
      } finally {
        await own.stop();
      }
    };
    const first = await runWithSeed(7);
    expect(await runWithSeed(7)).toEqual(first);
    // Some requests got the fault, the others went through.
    expect(first).toContain(503);
    expect(new Set(first).size).toBe(2);
  });
});

describe('reset', () => {
  it('before forwarding: the client gets an error and the server never sees the request', async () => {
    proxy().addRule({ match: { method: 'PUT' }, action: fault.reset('before-forward') });
    await expect(
      send('PUT', proxied('reset-1.txt'), { user: user(), body: 'x' }),
    ).rejects.toThrow();
    expect((await send('GET', direct('reset-1.txt'), { user: user() })).status).toBe(404);
    expect(proxy().requests[0]).toMatchObject({
      outcome: 'reset',
      reachedServer: false,
      status: undefined,
    });
  });

  it('before the headers: the server did the work, the client saw nothing', async () => {
    proxy().addRule({ match: { method: 'PUT' }, action: fault.reset('before-headers') });
    await expect(
      send('PUT', proxied('reset-2.txt'), { user: user(), body: 'kept' }),
    ).rejects.toThrow();
    expect((await send('GET', direct('reset-2.txt'), { user: user() })).text).toBe('kept');
    expect(proxy().requests[0]).toMatchObject({
      outcome: 'reset',
      reachedServer: true,
      status: undefined,
    });
  });

  it('after the headers: the status arrives, the body does not', async () => {
    const body = 'x'.repeat(64 * 1024);
    expect((await send('PUT', direct('big.txt'), { user: user(), body })).status).toBe(201);
    proxy().addRule({ match: { method: 'GET' }, action: fault.reset('after-headers') });
    const response = await fetch(proxied('big.txt'), {
      headers: { authorization: basicAuth(user()) },
    });
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect(proxy().requests[0]).toMatchObject({ outcome: 'reset', status: 200 });
  });
});

describe('delay', () => {
  it('holds a request before the server until released', async () => {
    const { gate, release } = newGate();
    proxy().addRule({ match: { method: 'PUT' }, action: fault.hold(gate) });
    const pending = send('PUT', proxied('held.txt'), { user: user(), body: 'late' });
    const record = await recorded((r) => r.method === 'PUT');
    expect(record).toMatchObject({ outcome: 'pending', reachedServer: false, action: 'delay' });
    expect((await send('GET', direct('held.txt'), { user: user() })).status).toBe(404);
    release();
    expect((await pending).status).toBe(201);
    expect(record).toMatchObject({ outcome: 'completed', reachedServer: true, status: 201 });
  });

  it('holds the answer after the server acted, until released', async () => {
    const { gate, release } = newGate();
    proxy().addRule({ match: { method: 'PUT' }, action: fault.hold(gate, 'response') });
    const pending = send('PUT', proxied('answered-late.txt'), { user: user(), body: 'done' });
    const record = await recorded((r) => r.method === 'PUT' && r.reachedServer);
    expect(record).toMatchObject({ outcome: 'pending', status: undefined });
    expect((await send('GET', direct('answered-late.txt'), { user: user() })).text).toBe('done');
    release();
    expect((await pending).status).toBe(201);
  });

  it('lets a client that gives up meanwhile go, without reaching the server', async () => {
    proxy().addRule({ match: { method: 'PUT' }, action: fault.delay(60_000) });
    await expect(
      fetch(proxied('abandoned.txt'), {
        method: 'PUT',
        body: 'x',
        headers: { authorization: basicAuth(user()) },
        signal: AbortSignal.timeout(100),
      }),
    ).rejects.toThrow();
    const record = await recorded((r) => r.method === 'PUT' && r.outcome !== 'pending');
    expect(record).toMatchObject({ outcome: 'aborted', reachedServer: false });
    expect((await send('GET', direct('abandoned.txt'), { user: user() })).status).toBe(404);
  });

  it('trickles a body in pieces, which arrives whole', async () => {
    const body = Array.from({ length: 2000 }, (_, i) => String.fromCharCode(97 + (i % 26))).join(
      '',
    );
    expect((await send('PUT', direct('slow.txt'), { user: user(), body })).status).toBe(201);
    proxy().addRule({ match: { method: 'GET' }, action: fault.slowBody(250, 15) });
    const response = await fetch(proxied('slow.txt'), {
      headers: { authorization: basicAuth(user()) },
    });
    const pieces: Uint8Array[] = [];
    if (response.body === null) throw new Error('a body was expected');
    for await (const piece of response.body as AsyncIterable<Uint8Array>) pieces.push(piece);
    expect(Buffer.concat(pieces).toString()).toBe(body);
    expect(pieces.length).toBeGreaterThan(1);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(body.length);
  });
});

describe('connections', () => {
  const agents: Agent[] = [];
  afterAll(async () => {
    await Promise.all(agents.map((agent) => agent.close()));
  });

  it('keeps one client connection alive across requests, and counts a new one after a reset', async () => {
    const agent = new Agent({ connections: 1 });
    agents.push(agent);
    const get = async () => {
      const response = await fetch(proxied(''), {
        method: 'PROPFIND',
        headers: { authorization: basicAuth(user()), depth: '0' },
        dispatcher: agent,
      });
      await response.text();
      return response.status;
    };
    const before = proxy().connectionsOpened;
    for (let i = 0; i < 5; i++) expect(await get()).toBe(207);
    expect(proxy().connectionsOpened - before).toBe(1);
    expect(new Set(proxy().requests.map((r) => r.connection)).size).toBe(1);

    proxy().addRule({ times: 1, action: fault.reset('before-forward') });
    await expect(get()).rejects.toThrow();
    expect(await get()).toBe(207);
    expect(proxy().connectionsOpened - before).toBe(2);
  });

  it('handles Expect: 100-continue both when passing and when answering itself', async () => {
    const put = (name: string) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest(proxied(name), {
          method: 'PUT',
          headers: {
            authorization: basicAuth(user()),
            expect: '100-continue',
            'content-length': '4',
          },
        });
        req.on('continue', () => req.end('body'));
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.flushHeaders();
      });
    expect(await put('continued.txt')).toBe(201);
    proxy().addRule({ action: fault.respond(507) });
    expect(await put('refused.txt')).toBe(507);
    expect(proxy().requests.map((r) => r.headers['expect'])).toEqual([
      '100-continue',
      '100-continue',
    ]);
  });
});
