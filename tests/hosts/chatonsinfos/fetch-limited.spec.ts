import { describe, expect, it } from 'vitest';
import { fetchLimited, mapBounded } from '../../../src/hosts/chatonsinfos/fetch-limited.ts';
import type { FetchLike } from '../../../src/net/fetch-like.ts';

const limits = { timeoutMs: 1000, maxBytes: 100 };
const answering = (body: string, init: ResponseInit = {}, url = ''): FetchLike => {
  return () => {
    const response = new Response(body, init);
    if (url !== '') Object.defineProperty(response, 'url', { value: url });
    return Promise.resolve(response);
  };
};
const signal = new AbortController().signal;

describe('fetchLimited', () => {
  it('refuses plain http, and a redirect from https down to http', async () => {
    expect(await fetchLimited(answering('x'), 'http://a.example/f', limits, signal)).toEqual({
      kind: 'failed',
      reason: 'not-https',
    });
    const downgraded = answering('x', {}, 'http://a.example/f');
    expect(await fetchLimited(downgraded, 'https://a.example/f', limits, signal)).toEqual({
      kind: 'failed',
      reason: 'not-https',
    });
  });

  it('refuses a body announced or found larger than the limit', async () => {
    const announced = answering('x', { headers: { 'content-length': '5000' } });
    expect(await fetchLimited(announced, 'https://a.example/f', limits, signal)).toMatchObject({
      reason: 'too-large',
    });
    const found = answering('y'.repeat(101));
    expect(await fetchLimited(found, 'https://a.example/f', limits, signal)).toMatchObject({
      reason: 'too-large',
    });
  });

  it('sends the validators it has, and reads a 304 as not modified', async () => {
    let headers: Record<string, string> = {};
    const fetch: FetchLike = (_url, init) => {
      headers = init.headers as Record<string, string>;
      return Promise.resolve(new Response(null, { status: 304 }));
    };
    const outcome = await fetchLimited(fetch, 'https://a.example/f', limits, signal, {
      etag: '"v1"',
      lastModified: 'Tue, 24 Nov 2026 10:00:00 GMT',
    });
    expect(outcome).toEqual({ kind: 'not-modified' });
    expect(headers).toMatchObject({
      'if-none-match': '"v1"',
      'if-modified-since': 'Tue, 24 Nov 2026 10:00:00 GMT',
    });
  });
});

describe('mapBounded', () => {
  it('never runs more than the limit at once, and keeps the order of the items', async () => {
    let running = 0;
    let most = 0;
    const results = await mapBounded([5, 1, 4, 2, 3, 0], 2, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, n * 3));
      running--;
      return n * 10;
    });
    expect(most).toBe(2);
    expect(results).toEqual([50, 10, 40, 20, 30, 0]);
  });
});
