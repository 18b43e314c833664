import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlFederation } from '../../../src/hosts/chatonsinfos/crawl-federation.ts';
import type { CachedFile, CrawlOptions } from '../../../src/hosts/chatonsinfos/crawl-federation.ts';
import { startFixtureServer } from './fixture-server.ts';
import type { FixtureServer } from './fixture-server.ts';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});

const options = (overrides: Partial<CrawlOptions> = {}): CrawlOptions => ({
  fetch: (url, init) => fetch(url, init),
  federationUrl: `${server.base}/chatons.properties`,
  limits: { timeoutMs: 1500, maxBytes: 64 * 1024, allowHttp: true },
  signal: new AbortController().signal,
  now: () => new Date('2026-11-26T12:00:00Z'),
  cache: new Map(),
  concurrency: 3,
  ...overrides,
});

describe('crawlFederation against a loopback federation', () => {
  it('reads the members that can be read, and turns every other one into a problem', async () => {
    const result = await crawlFederation(options());
    expect(result.hosts.map((host) => host.name).sort()).toEqual(['Alpha Libre', 'Bêta Réseau']);
    const problems = Object.fromEntries(
      result.problems.map((problem) => [problem.where.replace(server.base, ''), problem.code]),
    );
    expect(problems).toEqual({
      '/gamma/.well-known/chatonsinfos/missing.properties': 'hosts.member-file-unreachable',
      '/delta/garbage.properties': 'hosts.member-file-incomplete',
      '/huge': 'hosts.member-file-unreachable',
      '/slow': 'hosts.member-file-unreachable',
      'ftp://example.org/not-http.properties': 'hosts.member-file-unreachable',
    });
    const reasons = result.problems.map((problem) => problem.params?.['reason']).filter(Boolean);
    expect(reasons.sort()).toEqual(['HTTP 404', 'not-https', 'timeout', 'too-large']);
  });

  it('follows both .well-known and .well_known paths, quoted subs, comma coordinates', async () => {
    const result = await crawlFederation(options());
    const beta = result.hosts.find((host) => host.name === 'Bêta Réseau');
    expect(beta?.location).toMatchObject({ lat: 48.3903, lon: -4.4863, geocodedBy: 'source' });
    expect(beta?.country).toBe('FR');
    // Radicale serves calendars and contacts; FULL means no new accounts.
    expect(beta?.services.map((s) => [s.kind, s.registration, s.softwareId])).toEqual([
      ['calendars', 'closed', 'radicale'],
      ['contacts', 'closed', 'radicale'],
    ]);
  });

  it('reads what a Nextcloud service offers from its own words, and skips retired services', async () => {
    const result = await crawlFederation(options());
    const alpha = result.hosts.find((host) => host.name === 'Alpha Libre');
    expect(alpha?.checked).toBe('2026-10-01');
    expect(alpha?.services.map((s) => `${s.kind}:${s.registration}:${s.software ?? ''}`)).toEqual([
      'files:members:Nextcloud',
      'calendars:members:Nextcloud',
      'contacts:members:Nextcloud',
      'other:unknown:Etherpad',
    ]);
  });

  it('asks again with the ETags it kept, and reuses what did not change', async () => {
    const first = await crawlFederation(options());
    const cache = new Map<string, CachedFile>(first.files);
    server.log.length = 0;
    const second = await crawlFederation(options({ cache }));
    expect(second.changed).toBe(false);
    expect(second.hosts.map((host) => host.name).sort()).toEqual(['Alpha Libre', 'Bêta Réseau']);
    const federation = server.log.find((entry) => entry.path === '/chatons.properties');
    expect(federation?.status).toBe(304);

    server.edit(
      '/alpha/.well-known/chatonsinfos/alpha.properties',
      'organization.name = Alpha Renamed\norganization.website = https://alpha.example/\n',
    );
    const third = await crawlFederation(options({ cache: new Map(second.files) }));
    expect(third.changed).toBe(true);
    expect(third.hosts.map((host) => host.name)).toContain('Alpha Renamed');
  });

  it('asks again with Last-Modified when a server sends no ETag', async () => {
    const federationUrl = `${server.base}/no-etag/chatons.properties`;
    const first = await crawlFederation(options({ federationUrl }));
    expect(first.files.get(federationUrl)).toMatchObject({
      lastModified: 'Tue, 24 Nov 2026 10:00:00 GMT',
    });
    expect(first.files.get(federationUrl)?.etag).toBeUndefined();
    server.log.length = 0;
    const second = await crawlFederation(options({ federationUrl, cache: new Map(first.files) }));
    expect(server.log.find((entry) => entry.path === '/no-etag/chatons.properties')?.status).toBe(
      304,
    );
    expect(second.hosts).toHaveLength(first.hosts.length);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const crawl = crawlFederation(
      options({
        signal: controller.signal,
        limits: { timeoutMs: 60_000, maxBytes: 64 * 1024, allowHttp: true },
      }),
    );
    setTimeout(() => {
      controller.abort();
    }, 100);
    await expect(crawl).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('fails clearly when the federation file itself cannot be read', async () => {
    await expect(
      crawlFederation(options({ federationUrl: `${server.base}/no-such-federation.properties` })),
    ).rejects.toMatchObject({ name: 'FederationUnavailable', detail: 'HTTP 404' });
  });
});
