// A reverse proxy between the client under test and a real server, programmed per test to
// inject faults (see fault-rules.ts) and recording every request it saw.
//
//   const proxy = await startFaultProxy({ target: server.url, seed: 7 });
//   proxy.addRule({ match: { method: 'PUT' }, times: 2, action: fault.unavailable(1) });
//   … run the client against proxy.through(server.user.home) …
//   expect(proxy.requests.filter((r) => r.method === 'PUT')).toHaveLength(3);
//   await proxy.stop();
//
// Hand-written on node:http rather than a proxy library: the faults need control of the
// client socket (a TCP reset before any byte, a body cut after the headers, a body trickled
// out piece by piece) that proxy libraries hide, and the forwarding itself is short.
//
// The Host header is passed on unchanged (like Apache's ProxyPreserveHost), so absolute URLs
// the server makes (Location, a WebDAV Destination check) name the proxy, as the client
// expects. Hop-by-hop headers (RFC 9110 §7.6.1) are not forwarded: the client's connections to
// the proxy are kept alive even though each request reaches the server on a new connection
// (and even though Radicale closes the connection after every answer).
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { createServer, request as httpRequest } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultAction, FaultRule, FaultRuleSpec, RequestInfo } from './fault-rules.ts';
import { RuleBook, seededRandom } from './fault-rules.ts';

export { fault } from './fault-rules.ts';
export type {
  FaultAction,
  FaultRule,
  FaultRuleSpec,
  RequestInfo,
  RequestMatcher,
} from './fault-rules.ts';

/** Request headers recorded by default (the ones DAV clients' behaviour shows in). */
export const DEFAULT_RECORDED_HEADERS: readonly string[] = [
  'content-type',
  'content-length',
  'transfer-encoding',
  'depth',
  'destination',
  'overwrite',
  'if',
  'if-match',
  'if-none-match',
  'if-modified-since',
  'if-unmodified-since',
  'prefer',
  'brief',
  'expect',
  'x-oc-mtime',
  'oc-total-length',
  'user-agent',
];

export interface RecordedRequest {
  /** 1, 2, 3… in order of arrival since the last clearRequests(). */
  readonly seq: number;
  /** Which client connection carried it (1 = the first the proxy accepted). */
  readonly connection: number;
  readonly method: string;
  /** Path and query as sent. */
  readonly target: string;
  /** `target` without the query. */
  readonly path: string;
  /** The recorded headers that were present (lower-case names; never Authorization). */
  readonly headers: Readonly<Record<string, string>>;
  /** The user name of HTTP Basic credentials, if any (the password is not kept). */
  readonly user: string | undefined;
  /** Name of the rule applied, if any. */
  readonly rule: string | undefined;
  readonly action: FaultAction['kind'];
  /** True once the server answered this request (it may have acted on it). */
  readonly reachedServer: boolean;
  /** The status sent to the client; undefined if none was (reset, still pending). */
  readonly status: number | undefined;
  /**
   * `pending` while in flight; `completed` when the whole answer was sent; `reset` when a
   * rule broke the connection; `aborted` when the client went away or the proxy stopped.
   */
  readonly outcome: 'pending' | 'completed' | 'reset' | 'aborted';
  /** Why the proxy answered 502 (the server could not be reached), if it did. */
  readonly error: string | undefined;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface FaultProxyOptions {
  /** The server's origin (a path is ignored: requests keep their own path). */
  readonly target: string;
  /** Seed of the generator behind rules with a probability (default 1). */
  readonly seed?: number;
  /** Request headers to record (default DEFAULT_RECORDED_HEADERS). */
  readonly recordHeaders?: readonly string[];
}

export interface FaultProxy {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  readonly port: number;
  /** The same URL of the target server, reached through the proxy. */
  through(serverUrl: string): string;
  /** Rules apply in the order they were added; the first that matches wins. */
  addRule(spec: FaultRuleSpec): FaultRule;
  clearRules(): void;
  /** Every request seen, in order of arrival (a live view). */
  readonly requests: readonly RecordedRequest[];
  clearRequests(): void;
  /** Client connections accepted since the start: lets a test check keep-alive is used. */
  readonly connectionsOpened: number;
  /** Closes every connection (held requests included) and stops listening. */
  stop(): Promise<void>;
}

const PASS: FaultAction = { kind: 'pass' };

// RFC 9110 §7.6.1: meaningful for one connection only. `expect` is handled here (100-continue).
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  if (target.protocol !== 'http:') throw new Error('The fault proxy forwards to http:// only.');
  const recordHeaders = (options.recordHeaders ?? DEFAULT_RECORDED_HEADERS).map((h) =>
    h.toLowerCase(),
  );
  const rules = new RuleBook(seededRandom(options.seed ?? 1));
  let records: Mutable<RecordedRequest>[] = [];
  const connectionIds = new WeakMap<Socket, number>();
  let connectionsOpened = 0;
  const closing = new AbortController();

  const handle = async (
    req: IncomingMessage,
    res: ServerResponse,
    expectContinue: boolean,
  ): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const requestTarget = req.url ?? '/';
    const info: RequestInfo = {
      method,
      target: requestTarget,
      path: requestTarget.split('?', 1)[0] ?? requestTarget,
      headers: req.headers,
    };
    const picked = rules.pick(info);
    const action = picked?.action ?? PASS;
    const record: Mutable<RecordedRequest> = {
      seq: records.length + 1,
      connection: connectionIds.get(req.socket) ?? 0,
      method,
      target: info.target,
      path: info.path,
      headers: selectHeaders(req.headers, recordHeaders),
      user: basicUser(req.headers.authorization),
      rule: picked?.rule.name,
      action: action.kind,
      reachedServer: false,
      status: undefined,
      outcome: 'pending',
      error: undefined,
    };
    records.push(record);
    res.on('finish', () => {
      if (record.outcome === 'pending') record.outcome = 'completed';
    });
    res.on('close', () => {
      if (record.outcome === 'pending') record.outcome = 'aborted';
    });

    if (action.kind === 'respond') {
      const headers: OutgoingHttpHeaders = { ...action.headers };
      // Read the body first so the connection can carry the next request; but a client that
      // asked "Expect: 100-continue" will not send it: then close after the answer.
      if (expectContinue) headers['connection'] = 'close';
      else await drain(req);
      record.status = action.status;
      res.writeHead(action.status, headers);
      res.end(action.body ?? '');
      return;
    }
    if (action.kind === 'reset' && action.when === 'before-forward') {
      record.outcome = 'reset';
      req.socket.resetAndDestroy();
      return;
    }

    const delay = action.kind === 'delay' ? action : undefined;
    if (delay !== undefined && (delay.at ?? 'request') === 'request') {
      await hold(delay, closing.signal);
      if (record.outcome !== 'pending') return; // the client gave up meanwhile
    }
    if (expectContinue) res.writeContinue();
    const forwarded = httpRequest({
      protocol: 'http:',
      hostname: target.hostname,
      port: target.port,
      method,
      path: requestTarget,
      headers: endToEnd(req.headers, ['expect']),
      // A fresh connection per forwarded request: a kept-alive one could be closed by the
      // server (Apache after 5 idle seconds) just as we reuse it, and the test would see a 502
      // that no client of the real server would.
      agent: false,
    });
    res.on('close', () => {
      if (!res.writableFinished) forwarded.destroy();
    });
    req.pipe(forwarded);
    let answer: IncomingMessage;
    try {
      answer = await responseTo(forwarded);
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error);
      if (record.outcome !== 'pending') return;
      record.status = 502;
      res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Fault proxy: the server did not answer (${record.error}).\n`);
      return;
    }
    record.reachedServer = true;

    if (delay !== undefined && delay.at === 'response') {
      await hold(delay, closing.signal);
      if (record.outcome !== 'pending') {
        answer.resume();
        return;
      }
    }
    if (action.kind === 'reset' && action.when === 'before-headers') {
      await drain(answer); // the server has fully answered: its work is done
      record.outcome = 'reset';
      req.socket.resetAndDestroy();
      return;
    }
    const status = answer.statusCode ?? 502;
    record.status = status;
    res.writeHead(status, endToEnd(answer.headers, []));
    if (action.kind === 'reset') {
      // after-headers: the head goes out, then the connection ends before the body does.
      answer.resume();
      res.flushHeaders();
      record.outcome = 'reset';
      req.socket.destroySoon();
      return;
    }
    if (delay?.bodyChunkBytes !== undefined) {
      await trickle(answer, res, delay.bodyChunkBytes, delay.bodyChunkIntervalMs ?? 0, closing);
    } else {
      // pipeline, not pipe: if the server breaks off mid-body, the client's answer breaks too.
      await pipeline(answer, res);
    }
  };

  const onRequest =
    (expectContinue: boolean) =>
    (req: IncomingMessage, res: ServerResponse): void => {
      handle(req, res, expectContinue).catch(() => {
        // Stopping (an aborted hold) or a broken client socket: nothing left to answer.
        res.destroy();
      });
    };

  const server = createServer();
  server.on('connection', (socket) => {
    connectionsOpened += 1;
    connectionIds.set(socket, connectionsOpened);
  });
  server.on('request', onRequest(false));
  server.on('checkContinue', onRequest(true));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Port 0 on our own listening socket: the kernel's choice is ours, no race to lose.
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;

  let stopped: Promise<void> | undefined;
  return {
    url,
    port,
    through(serverUrl) {
      const parsed = new URL(serverUrl);
      if (parsed.origin !== target.origin) {
        throw new Error(`${serverUrl} is not on the proxied server ${target.origin}.`);
      }
      return new URL(`${parsed.pathname}${parsed.search}`, url).href;
    },
    addRule: (spec) => rules.add(spec),
    clearRules: () => {
      rules.clear();
    },
    get requests() {
      return records;
    },
    clearRequests() {
      records = [];
    },
    get connectionsOpened() {
      return connectionsOpened;
    },
    stop: () =>
      (stopped ??= new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      })),
  };
}

function selectHeaders(
  headers: IncomingHttpHeaders,
  names: readonly string[],
): Record<string, string> {
  const selected: Record<string, string> = {};
  for (const name of names) {
    const value = headers[name];
    if (value !== undefined && name !== 'authorization') {
      selected[name] = Array.isArray(value) ? value.join(', ') : value;
    }
  }
  return selected;
}

function basicUser(authorization: string | undefined): string | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
  if (match?.[1] === undefined) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : decoded.slice(0, colon);
}

/** The headers without hop-by-hop ones, those the Connection header names, and `drop`. */
function endToEnd(headers: IncomingHttpHeaders, drop: readonly string[]): OutgoingHttpHeaders {
  const named = (headers.connection ?? '')
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .filter((token) => token !== '');
  const skip = new Set([...HOP_BY_HOP, ...named, ...drop]);
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !skip.has(name)) kept[name] = value;
  }
  return kept;
}

function responseTo(request: ReturnType<typeof httpRequest>): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    request.once('response', resolve);
    // `on`, not `once`: a later error (the server dropping the connection mid-body) must not
    // become an unhandled 'error' event; the body's own stream reports it.
    request.on('error', reject);
  });
}

async function hold(
  delay: Extract<FaultAction, { kind: 'delay' }>,
  signal: AbortSignal,
): Promise<void> {
  if (delay.ms !== undefined) await sleep(delay.ms, undefined, { signal });
  if (delay.until !== undefined) {
    await Promise.race([
      delay.until,
      new Promise<never>((_, reject) => {
        if (signal.aborted) reject(new Error('fault proxy stopped'));
        signal.addEventListener(
          'abort',
          () => {
            reject(new Error('fault proxy stopped'));
          },
          {
            once: true,
          },
        );
      }),
    ]);
  }
}

/** Reads and discards the rest of `stream`; settles when it ended or closed. */
function drain(stream: IncomingMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream.readableEnded) {
      resolve();
      return;
    }
    stream.once('end', resolve);
    stream.once('close', resolve);
    stream.once('error', reject);
    stream.resume();
  });
}

/** Sends the body in `bytes`-sized pieces, `intervalMs` apart. */
async function trickle(
  source: IncomingMessage,
  res: ServerResponse,
  bytes: number,
  intervalMs: number,
  closing: AbortController,
): Promise<void> {
  let first = true;
  for await (const chunk of source as AsyncIterable<Buffer>) {
    for (let offset = 0; offset < chunk.length; offset += bytes) {
      if (!first) await sleep(intervalMs, undefined, { signal: closing.signal });
      first = false;
      if (res.destroyed) return;
      res.write(chunk.subarray(offset, offset + bytes));
    }
  }
  res.end();
}
