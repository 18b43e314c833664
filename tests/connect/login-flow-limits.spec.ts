// Login Flow v2 reads every answer with a size cap and each request with a deadline (issue 12,
// point 4): a huge answer is cut at the cap (bytes read counted, not memory guessed), a server
// trickling one byte at a time is given up, and a poll endpoint on another port is refused.
import { createServer } from 'node:http';
import type { RequestListener, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LOGIN_FLOW_MAX_ANSWER_BYTES, loginFlowV2 } from '../../src/connect/login-flow-v2.ts';
import type { LoginFlowDeps } from '../../src/connect/login-flow-v2.ts';
import type { FetchLike } from '../../src/net/fetch-like.ts';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    }),
  );
});

async function serve(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
}

/** The global fetch, counting the body bytes Baluchon actually pulls from each answer. */
function countingFetch(): { fetch: FetchLike; bytesRead: () => number } {
  let read = 0;
  const fetchLike: FetchLike = async (url, init) => {
    const response = await fetch(url, init);
    if (response.body === null) return response;
    const counted = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          read += chunk.byteLength;
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(counted, { status: response.status, headers: response.headers });
  };
  return { fetch: fetchLike, bytesRead: () => read };
}

const deps = (fetchLike: FetchLike, overrides: Partial<LoginFlowDeps> = {}): LoginFlowDeps => ({
  fetch: fetchLike,
  openExternal: () => Promise.resolve(),
  signal: new AbortController().signal,
  pollIntervalMs: 10,
  allowHttp: true,
  timeoutMs: 5_000,
  ...overrides,
});

const codeOf = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error as { code?: string }).code ?? String(error),
  );

describe('Login Flow v2 limits', () => {
  it('cuts a huge first answer at the cap with a typed error', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const total = 8 * 1024 * 1024;
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      let sent = 0;
      const more = (): void => {
        while (sent < total) {
          sent += chunk.length;
          if (!response.write(chunk)) {
            response.once('drain', more);
            return;
          }
        }
        response.end();
      };
      more();
    });
    const counter = countingFetch();
    expect(await codeOf(loginFlowV2(server, deps(counter.fetch)))).toBe(
      'connect.login-flow-too-large',
    );
    // At most the cap and the chunk that crossed it: never the whole answer.
    expect(counter.bytesRead()).toBeLessThanOrEqual(LOGIN_FLOW_MAX_ANSWER_BYTES + 64 * 1024);
  });

  it('cuts a huge poll answer too', async () => {
    let base = '';
    base = await serve((request, response) => {
      if (request.url === '/index.php/login/v2') {
        response.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            poll: { token: 't', endpoint: `${base}/login/v2/poll` },
            login: `${base}/login/v2/flow/x`,
          }),
        );
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(Buffer.alloc(4 * 1024 * 1024, 0x20));
    });
    const counter = countingFetch();
    expect(await codeOf(loginFlowV2(base, deps(counter.fetch)))).toBe(
      'connect.login-flow-too-large',
    );
    expect(counter.bytesRead()).toBeLessThan(4 * 1024 * 1024);
  });

  it('gives up a server that sends its answer one byte at a time', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => response.write(' '), 50);
      // After 3 s the answer ends (not JSON): without a deadline that is when the flow would end.
      setTimeout(() => {
        clearInterval(timer);
        response.end('x');
      }, 3_000);
      response.on('close', () => {
        clearInterval(timer);
      });
    });
    const { fetch: fetchLike } = countingFetch();
    expect(await codeOf(loginFlowV2(server, deps(fetchLike, { requestTimeoutMs: 300 })))).toBe(
      'connect.server-unreachable',
    );
  });

  it('refuses a poll endpoint on another port of the same host', async () => {
    let polled = 0;
    const elsewhere = await serve((_request, response) => {
      polled++;
      response.writeHead(404).end();
    });
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          poll: { token: 't', endpoint: `${elsewhere}/login/v2/poll` },
          login: `${elsewhere}/login/v2/flow/x`,
        }),
      );
    });
    const { fetch: fetchLike } = countingFetch();
    expect(await codeOf(loginFlowV2(server, deps(fetchLike)))).toBe(
      'connect.login-flow-unexpected',
    );
    expect(polled).toBe(0);
  });
});
