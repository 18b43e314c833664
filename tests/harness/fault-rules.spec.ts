import { describe, expect, it } from 'vitest';
import type { RequestInfo } from './fault-rules.ts';
import { fault, RuleBook, seededRandom } from './fault-rules.ts';

function request(
  method: string,
  target: string,
  headers: RequestInfo['headers'] = {},
): RequestInfo {
  return { method, target, path: target.split('?', 1)[0] ?? target, headers };
}

/** A generator that replays the given values, to make draws explicit. */
function scripted(values: readonly number[]): () => number {
  let next = 0;
  return () => {
    const value = values[next];
    next += 1;
    if (value === undefined) throw new Error('no more scripted draws');
    return value;
  };
}

describe('seededRandom', () => {
  it('gives the same sequence for the same seed, another for another seed', () => {
    const draw = (seed: number) => Array.from({ length: 8 }, seededRandom(seed));
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    for (const value of draw(7)) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});

describe('RuleBook', () => {
  it('applies nothing when no rule matches', () => {
    const book = new RuleBook(scripted([]));
    book.add({ match: { method: 'PUT' }, action: fault.unavailable(1) });
    expect(book.pick(request('GET', '/a'))).toBeUndefined();
  });

  it('applies the first matching rule, in the order rules were added', () => {
    const book = new RuleBook(scripted([]));
    book.add({ name: 'puts', match: { method: 'PUT' }, action: fault.respond(507) });
    book.add({ name: 'all', action: fault.respond(500) });
    expect(book.pick(request('PUT', '/a'))?.rule.name).toBe('puts');
    expect(book.pick(request('GET', '/a'))?.rule.name).toBe('all');
  });

  it('expires a rule after `times` uses, then lets later rules apply', () => {
    const book = new RuleBook(scripted([]));
    const first = book.add({ times: 2, action: fault.pass() });
    book.add({ name: 'then', action: fault.respond(500) });
    const names = Array.from({ length: 4 }, () => book.pick(request('GET', '/'))?.rule.name);
    expect(names).toEqual([first.name, first.name, 'then', 'then']);
    expect(first.uses).toBe(2);
    expect(first.expired).toBe(true);
  });

  it('matches methods (any of a list, any case) and paths (exact string or RegExp)', () => {
    const book = new RuleBook(scripted([]));
    book.add({
      name: 'exact',
      match: { method: ['put', 'DELETE'], path: '/a/b.ics' },
      action: fault.pass(),
    });
    // A /g RegExp keeps state between test() calls: the rule must not depend on it.
    book.add({ name: 'vcf', match: { path: /\.vcf$/g }, action: fault.pass() });
    expect(book.pick(request('DELETE', '/a/b.ics?x=1'))?.rule.name).toBe('exact');
    expect(book.pick(request('PUT', '/a/b.ics2'))).toBeUndefined();
    expect(book.pick(request('PUT', '/c.vcf'))?.rule.name).toBe('vcf');
    expect(book.pick(request('PUT', '/d.vcf'))?.rule.name).toBe('vcf');
  });

  it('accepts a predicate over the request', () => {
    const book = new RuleBook(scripted([]));
    book.add({ match: (r) => r.headers['if-match'] !== undefined, action: fault.respond(412) });
    expect(book.pick(request('PUT', '/a', { 'if-match': '"1"' }))?.action).toEqual(
      fault.respond(412),
    );
    expect(book.pick(request('PUT', '/a'))).toBeUndefined();
  });

  it('draws for rules with a probability; a lost draw uses nothing and falls through', () => {
    const book = new RuleBook(scripted([0.2, 0.9, 0.49]));
    const flaky = book.add({ probability: 0.5, times: 5, action: fault.respond(503) });
    book.add({ name: 'fallback', action: fault.pass() });
    expect(book.pick(request('GET', '/'))?.rule).toBe(flaky); // 0.2 < 0.5
    expect(book.pick(request('GET', '/'))?.rule.name).toBe('fallback'); // 0.9 >= 0.5
    expect(book.pick(request('GET', '/'))?.rule).toBe(flaky); // 0.49 < 0.5
    expect(flaky.uses).toBe(2);
  });

  it('stops applying a removed rule, and clear() removes them all', () => {
    const book = new RuleBook(scripted([]));
    const rule = book.add({ action: fault.respond(500) });
    rule.remove();
    expect(rule.expired).toBe(true);
    expect(book.pick(request('GET', '/'))).toBeUndefined();
    book.add({ action: fault.respond(500) });
    book.clear();
    expect(book.pick(request('GET', '/'))).toBeUndefined();
  });

  it('refuses nonsense limits', () => {
    const book = new RuleBook(scripted([]));
    expect(() => book.add({ times: 0, action: fault.pass() })).toThrow(/times/);
    expect(() => book.add({ probability: 1.5, action: fault.pass() })).toThrow(/probability/);
  });
});

describe('fault helpers', () => {
  it('write Retry-After in seconds or as an HTTP-date', () => {
    expect(fault.unavailable(120)).toEqual({
      kind: 'respond',
      status: 503,
      headers: { 'retry-after': '120' },
      body: undefined,
    });
    expect(fault.tooManyRequests(new Date(Date.UTC(2030, 0, 2, 3, 4, 5)))).toEqual({
      kind: 'respond',
      status: 429,
      headers: { 'retry-after': 'Wed, 02 Jan 2030 03:04:05 GMT' },
      body: undefined,
    });
  });
});
