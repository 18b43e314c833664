// The fault proxy's programme: which request gets which fault. Pure, so it is unit-tested.
import type { IncomingHttpHeaders } from 'node:http';

/** What a rule sees of a request. */
export interface RequestInfo {
  /** Upper case, as sent. */
  readonly method: string;
  /** The request target as sent: path and query, still percent-encoded. */
  readonly target: string;
  /** `target` without its query. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
}

/**
 * Which requests a rule applies to: every given field must match (methods: any of them;
 * path: equal to the string, or matched by the RegExp, both on the path without the query),
 * or a predicate of your own.
 */
export type RequestMatcher =
  | { readonly method?: string | readonly string[]; readonly path?: string | RegExp }
  | ((request: RequestInfo) => boolean);

export type FaultAction =
  /** Forward as is. Useful to let the first N matching requests through before a fault. */
  | { readonly kind: 'pass' }
  /**
   * Forward, but slowly. `ms` and/or `until` (a promise the test settles, for deterministic
   * tests) hold the request: before it is forwarded (`at: 'request'`, the default: a client
   * that gives up meanwhile never reaches the server) or after the server answered
   * (`at: 'response'`: the server did the work, the answer is late). `bodyChunkBytes` +
   * `bodyChunkIntervalMs` trickle the response body to the client in small pieces.
   */
  | {
      readonly kind: 'delay';
      readonly ms?: number;
      readonly until?: PromiseLike<unknown>;
      readonly at?: 'request' | 'response';
      readonly bodyChunkBytes?: number;
      readonly bodyChunkIntervalMs?: number;
    }
  /**
   * Break the connection: `before-forward` resets it (TCP RST) and the server never sees the
   * request; `before-headers` forwards it, lets the server finish, then resets without a byte
   * of answer (the write happened, the client cannot know); `after-headers` sends the status
   * line and headers, then closes before the body is complete (a client sees an error
   * reading the body, unless the body was empty).
   */
  | { readonly kind: 'reset'; readonly when: 'before-forward' | 'before-headers' | 'after-headers' }
  /** Answer without reaching the server (503 + Retry-After, 429, 423, 507, 500…). */
  | {
      readonly kind: 'respond';
      readonly status: number;
      readonly headers?: Readonly<Record<string, string>>;
      readonly body?: string;
    };

export interface FaultRuleSpec {
  /** Shows in recorded requests (default `rule-<n>`). */
  readonly name?: string;
  /** Default: every request. */
  readonly match?: RequestMatcher;
  readonly action: FaultAction;
  /** How many requests the rule applies to before it expires (default: no limit). */
  readonly times?: number;
  /**
   * Chance that a matching request gets the action (default 1), drawn from the proxy's
   * seeded generator: the same seed and the same sequence of requests give the same faults.
   * A request that escapes the draw does not use up one of `times` and goes on to later rules.
   */
  readonly probability?: number;
}

export interface FaultRule {
  readonly name: string;
  /** How many requests it was applied to. */
  readonly uses: number;
  /** True once it was applied `times` times or removed. */
  readonly expired: boolean;
  remove(): void;
}

/** Ready-made actions: `proxy.addRule({ match: { method: 'PUT' }, action: fault.unavailable(2) })`. */
export const fault = {
  pass: (): FaultAction => ({ kind: 'pass' }),
  delay: (ms: number, at: 'request' | 'response' = 'request'): FaultAction => ({
    kind: 'delay',
    ms,
    at,
  }),
  /** Holds the request until `until` settles (then forwards it). */
  hold: (until: PromiseLike<unknown>, at: 'request' | 'response' = 'request'): FaultAction => ({
    kind: 'delay',
    until,
    at,
  }),
  slowBody: (chunkBytes: number, intervalMs: number): FaultAction => ({
    kind: 'delay',
    bodyChunkBytes: chunkBytes,
    bodyChunkIntervalMs: intervalMs,
  }),
  reset: (when: 'before-forward' | 'before-headers' | 'after-headers'): FaultAction => ({
    kind: 'reset',
    when,
  }),
  respond: (
    status: number,
    headers?: Readonly<Record<string, string>>,
    body?: string,
  ): FaultAction => ({ kind: 'respond', status, headers, body }),
  /** 503 with Retry-After in seconds (a number) or as an HTTP-date (a Date), RFC 9110 §10.2.3. */
  unavailable: (retryAfter?: number | Date): FaultAction =>
    fault.respond(503, retryAfterHeader(retryAfter)),
  tooManyRequests: (retryAfter?: number | Date): FaultAction =>
    fault.respond(429, retryAfterHeader(retryAfter)),
} as const;

function retryAfterHeader(value: number | Date | undefined): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  return { 'retry-after': typeof value === 'number' ? String(value) : value.toUTCString() };
}

/** mulberry32: a small, well-known 32-bit generator, good enough to pick faults reproducibly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface LiveRule extends FaultRule {
  readonly spec: FaultRuleSpec;
  use(): void;
}

/** The ordered list of rules; the first rule that matches (and wins its draw) applies. */
export class RuleBook {
  private rules: LiveRule[] = [];
  private added = 0;

  constructor(private readonly random: () => number) {}

  add(spec: FaultRuleSpec): FaultRule {
    const times = spec.times ?? Infinity;
    const probability = spec.probability ?? 1;
    if (!(times >= 1)) throw new Error(`A fault rule needs times >= 1 (got ${times}).`);
    if (!(probability >= 0 && probability <= 1)) {
      throw new Error(`A fault rule's probability must be within 0 and 1 (got ${probability}).`);
    }
    this.added += 1;
    const name = spec.name ?? `rule-${this.added}`;
    let uses = 0;
    let removed = false;
    const rule: LiveRule = {
      spec,
      name,
      get uses() {
        return uses;
      },
      get expired() {
        return removed || uses >= times;
      },
      use: () => {
        uses += 1;
      },
      remove: () => {
        removed = true;
        this.rules = this.rules.filter((r) => r !== rule);
      },
    };
    this.rules.push(rule);
    return rule;
  }

  clear(): void {
    for (const rule of [...this.rules]) rule.remove();
  }

  /** The rule to apply to `request`, counted as used; undefined when none applies. */
  pick(
    request: RequestInfo,
  ): { readonly rule: FaultRule; readonly action: FaultAction } | undefined {
    for (const rule of this.rules) {
      if (rule.expired || !matches(rule.spec.match, request)) continue;
      const probability = rule.spec.probability ?? 1;
      if (probability < 1 && this.random() >= probability) continue;
      rule.use();
      return { rule, action: rule.spec.action };
    }
    return undefined;
  }
}

function matches(matcher: RequestMatcher | undefined, request: RequestInfo): boolean {
  if (matcher === undefined) return true;
  if (typeof matcher === 'function') return matcher(request);
  const { method, path } = matcher;
  if (method !== undefined) {
    const methods = typeof method === 'string' ? [method] : method;
    if (!methods.some((m) => m.toUpperCase() === request.method)) return false;
  }
  if (typeof path === 'string' && path !== request.path) return false;
  if (path instanceof RegExp) {
    path.lastIndex = 0; // a /g or /y RegExp remembers where it stopped
    if (!path.test(request.path)) return false;
  }
  return true;
}
