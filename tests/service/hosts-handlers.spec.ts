import { mkdtempSync, rmSync } from 'node:fs';
import { GOOGLE_ENDPOINTS } from '../../src/google/google-endpoints.ts';
import { GoogleSessions } from '../../src/service/google-sessions.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BaluchonEvent, FindHostsResult, Locale } from '../../src/contract/index.ts';
import { MemorySecretVault } from '../../src/connect/secret-vault.ts';
import { createI18n, describeError, describeProblem } from '../../src/i18n/create-i18n.ts';
import { AccountStore } from '../../src/service/accounts.ts';
import { createDavRuntime } from '../../src/service/dav-runtime.ts';
import { BaluchonError } from '../../src/errors/baluchon-error.ts';
import type { ServiceContext } from '../../src/service/service-context.ts';
import { createService } from '../../src/service/create-service.ts';
import { createHostsHandlers, describeSelection } from '../../src/service/hosts-handlers.ts';
import type { HostsDeps, HostsHandlers } from '../../src/service/hosts-handlers.ts';
import { JobRunner } from '../../src/service/job-runner.ts';
import { MoveLog } from '../../src/service/move-log.ts';
import { startFixtureServer } from '../hosts/chatonsinfos/fixture-server.ts';
import type { FixtureServer } from '../hosts/chatonsinfos/fixture-server.ts';
import { actAsUser, startLoginFlowStandIn } from '../standins/nextcloud-login-flow.ts';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'baluchon-hosts-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The handlers with chosen dependencies, and every event their jobs send. */
function setup(locale: Locale, overrides: Partial<HostsDeps> = {}) {
  const vault = overrides.vault ?? new MemorySecretVault();
  const t = createI18n(locale).t;
  const events: BaluchonEvent[] = [];
  const ends = new Map<string, (event: BaluchonEvent) => void>();
  const jobs = new JobRunner({
    now: () => Date.now(),
    newId: (() => {
      let n = 0;
      return () => `job-${++n}`;
    })(),
    emit: (event) => {
      events.push(event);
      if (event.type === 'job.end') ends.get(event.jobId)?.(event);
    },
    describeProblem: (fact) => ({ ...fact, reason: describeProblem(t, fact.code, fact.params) }),
    describeError: (error) =>
      error instanceof BaluchonError
        ? { code: error.code, message: describeError(t, error.code, error.details) }
        : { code: 'internal', message: String(error) },
  });
  const context: ServiceContext = {
    deps: {
      mode: 'cli',
      locale,
      dataDir: tempDir(),
      now: () => new Date('2026-11-26T10:00:00Z'),
      newId: () => 'id',
    },
    jobs,
    moves: new MoveLog(),
    dav: createDavRuntime({ now: () => new Date('2026-11-26T10:00:00Z') }),
    accounts: new AccountStore(vault),
    vault,
    google: { sessions: new GoogleSessions(vault, {}), endpoints: GOOGLE_ENDPOINTS },
    t: () => t,
    problem: (fact) => ({ ...fact, reason: describeProblem(t, fact.code, fact.params) }),
    locale: () => locale,
  };
  const handlers: HostsHandlers = createHostsHandlers(context, overrides);
  const end = (jobId: string): Promise<BaluchonEvent> =>
    new Promise((resolve) => {
      ends.set(jobId, resolve);
    });
  return { handlers, events, end };
}

describe('findHosts through the service', () => {
  it('answers with the place, the hosts near it first, a true count, and why, in French', async () => {
    const service = createService({ mode: 'cli', locale: 'fr', dataDir: tempDir() });
    const result = await service.call('findHosts', { near: '69007' });
    if (!result.ok) throw new Error(result.error.message);
    const value = result.value as FindHostsResult;
    expect(value.place.label).toBe('Lyon 7e Arrondissement (69)');
    expect(value.directory.source).toBe('snapshot');
    expect(value.hosts[0]).toMatchObject({ name: 'Hadoly', group: 'near', tier: 'to-check' });
    expect(value.hosts[0]?.why.at(-1)).toBe(
      'informations tirées de ses pages publiques, au 24 novembre 2026',
    );
    const farther = value.hosts.filter((host) => host.group === 'farther');
    expect(farther[0]?.why.some((sentence) => sentence.startsWith('propose '))).toBe(true);
    expect(value.reach).toEqual({ km: 50, widened: false, near: 3, farther: 2, unplaced: 3 });
    expect(value.summary).toBe(
      'Lyon 7e Arrondissement (69) : 3 hébergeurs à moins de 50 km, 5 plus loin ou sans adresse connue qui proposent ce qu’il vous faut.',
    );
    expect(value.directory.attribution).not.toMatch(/research|notes/);
    service.close();
  });

  it('writes the count for one host, none near, and hosts only near', () => {
    const t = createI18n('fr').t;
    const reach = { km: 1000, widened: true } as const;
    expect(describeSelection(t, 'Montréal', { reach, near: 0, farther: 1, unplaced: 0 })).toBe(
      'Montréal : aucun hébergeur à moins de 1000 km, 1 plus loin qui propose ce qu’il vous faut.',
    );
    expect(
      describeSelection(t, 'Lyon', {
        reach: { km: 50, widened: false },
        near: 1,
        farther: 0,
        unplaced: 0,
      }),
    ).toBe('Lyon : 1 hébergeur à moins de 50 km.');
    const en = createI18n('en').t;
    expect(
      describeSelection(en, 'Brest', {
        reach: { km: 50, widened: false },
        near: 2,
        farther: 0,
        unplaced: 4,
      }),
    ).toBe('Brest: 2 hosts within 50 km, 4 with no known address that offer what you need.');
  });

  it('refuses an unknown place with a coded error that carries the closest names', async () => {
    const service = createService({ mode: 'cli', locale: 'en', dataDir: tempDir() });
    const result = await service.call('findHosts', { near: 'Saint-Etiene' });
    expect(result).toMatchObject({ ok: false, error: { code: 'hosts.place-not-found' } });
    if (!result.ok) expect(result.error.message).toContain('Saint-Étienne (42)');
    service.close();
  });

  it('lets the screen ask for a place on its own, as data', async () => {
    const { handlers } = setup('en');
    expect(await handlers.findPlace({ query: '1200' })).toMatchObject({
      found: false,
      reason: 'postcode-not-covered',
    });
    const found = await handlers.findPlace({ query: '20200' });
    expect(found.found && found.place.note).toMatch(/communes of postcode 20200/);
  });
});

describe('hostDetails', () => {
  it('gives the connection preset of the software the host runs', async () => {
    const { handlers } = setup('en');
    const details = await handlers.hostDetails({ id: 'infini' });
    expect(details.preset).toMatchObject({
      software: 'nextcloud',
      templates: { caldav: '/remote.php/dav/calendars/{user}/' },
      loginFlowV2: true,
    });
    // Facts only: no sources, notes, confidence or the sources' own words about prices.
    expect(Object.keys(details.host).sort()).toEqual(
      ['checked', 'city', 'country', 'id', 'name', 'services', 'website'].sort(),
    );
    expect(details.host.services[0]).toEqual({
      kind: 'files',
      software: 'Nextcloud',
      registration: 'members',
      audience: 'both',
      signupUrl: null,
    });
    const marsnet = await handlers.hostDetails({ id: 'assodev-marsnet' });
    // "Nextcloud or ownCloud (source does not say which)" names no software Baluchon knows.
    expect(marsnet.host.services.map((service) => service.software)).toEqual([null, null]);
    await expect(handlers.hostDetails({ id: 'nobody' })).rejects.toMatchObject({
      code: 'hosts.host-not-found',
    });
  });
});

describe('readProvisioning', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('reads a link, and a file served at an address', async () => {
    const { handlers } = setup('en', { allowHttp: true });
    const link =
      'baluchon://provision?v=1&name=Alpha&server=https%3A%2F%2Fcloud.alpha.example&software=baikal&services=calendars,contacts';
    expect(await handlers.readProvisioning({ url: link })).toMatchObject({
      provisioning: { host: { name: 'Alpha' }, software: 'baikal' },
      preset: { templates: { caldav: '/dav.php/calendars/{user}/' } },
    });
    server.edit(
      '/alpha/baluchon.json',
      JSON.stringify({
        baluchon: 'provisioning',
        version: 1,
        host: { name: 'Alpha' },
        server: 'https://cloud.alpha.example',
        software: 'nextcloud',
        services: ['files'],
      }),
    );
    const served = await handlers.readProvisioning({ url: `${server.base}/alpha/baluchon.json` });
    expect(served.provisioning.software).toBe('nextcloud');
    await expect(
      handlers.readProvisioning({ url: `${server.base}/nothing.json` }),
    ).rejects.toMatchObject({ code: 'hosts.provisioning-unreachable' });
  });

  it('shows the server in punycode and warns when a file borrows a directory host’s name', async () => {
    const { handlers } = setup('en');
    const link = (name: string, server: string): string =>
      `baluchon://provision?v=1&name=${encodeURIComponent(name)}&server=${encodeURIComponent(server)}&software=nextcloud&services=files`;
    const borrowed = await handlers.readProvisioning({
      url: link('La Mère Zaclys', 'https://cloud.zaclys-login.example/'),
    });
    expect(borrowed.warnings).toMatchObject([
      {
        kind: 'other-domain',
        serverHost: 'cloud.zaclys-login.example',
        knownDomains: ['zaclys.com'],
      },
    ]);
    const homoglyph = await handlers.readProvisioning({
      url: link('Chez nous', 'https://clоud.example.org/'),
    });
    expect(homoglyph.serverAddress).toBe('https://xn--clud-65d.example.org/');
    expect(homoglyph.serverHost).toBe('xn--clud-65d.example.org');
    expect(homoglyph.warnings).toEqual([
      { kind: 'international-address', serverHost: 'xn--clud-65d.example.org' },
    ]);
    const genuine = await handlers.readProvisioning({
      url: link('Zaclys', 'https://acloud6.zaclys.com/'),
    });
    expect(genuine.warnings).toEqual([]);
  });

  it('only fetches https addresses in the app', async () => {
    const { handlers } = setup('en');
    await expect(
      handlers.readProvisioning({ url: 'http://example.org/baluchon.json' }),
    ).rejects.toMatchObject({ code: 'hosts.provisioning-not-https' });
  });
});

describe('the refreshDirectory job', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('refreshes from ChatonsInfos, reports each unreadable member, and the directory follows', async () => {
    const { handlers, events, end } = setup('en', {
      allowHttp: true,
      fetchLimits: { timeoutMs: 1000 },
      federationUrl: `${server.base}/chatons.properties`,
    });
    expect((await handlers.directoryInfo({})).source).toBe('snapshot');
    const { jobId } = await handlers.startRefreshDirectory({});
    const finished = await end(jobId);
    expect(finished).toMatchObject({
      type: 'job.end',
      outcome: 'done',
      result: { hosts: 2, changed: true, problems: 5 },
    });
    const problems = events.filter((event) => event.type === 'job.problem');
    expect(problems).toHaveLength(5);
    expect(events.some((event) => event.type === 'job.progress')).toBe(true);
    const info = await handlers.directoryInfo({});
    expect(info.source).toBe('refreshed');
    const found = await handlers.findHosts({ near: 'Brest', needs: ['calendars'], limit: 50 });
    expect(found.hosts.map((host) => host.name)).toContain('Bêta Réseau');
    // A ChatonsInfos service names its own address: choosing the host pre-fills it.
    const alpha = await handlers.hostDetails({ id: 'chatonsinfos-alpha' });
    expect(alpha.serverHint).toBe('https://cloud.alpha.example/');
    expect(alpha.preset?.software).toBe('nextcloud');
  });

  it('fails with a clear code when the federation cannot be read', async () => {
    const { handlers, end } = setup('en', {
      allowHttp: true,
      federationUrl: `${server.base}/gone.properties`,
    });
    const { jobId } = await handlers.startRefreshDirectory({});
    expect(await end(jobId)).toMatchObject({
      outcome: 'failed',
      error: { code: 'hosts.federation-unavailable' },
    });
  });
});

describe('the loginFlow job', () => {
  const standIns: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const standIn of standIns.splice(0)) await standIn.close();
  });

  it('ends with the account and a vault reference, never with the app password', async () => {
    const standIn = await startLoginFlowStandIn();
    standIns.push(standIn);
    const vault = new MemorySecretVault();
    const { handlers, events, end } = setup('en', {
      allowHttp: true,
      vault,
      loginPollIntervalMs: 20,
      openExternal: async (url) => {
        await actAsUser(url, {
          grant: { user: 'marie', password: 'correct horse battery staple' },
        });
      },
    });
    const { jobId } = await handlers.startLoginFlow({ server: standIn.server });
    const finished = await end(jobId);
    expect(finished).toMatchObject({
      outcome: 'done',
      result: { account: { server: standIn.server, loginName: 'marie' } },
    });
    const appPassword = standIn.appPasswords.get('marie') ?? '';
    expect(JSON.stringify(events)).not.toContain(appPassword);
    const ref =
      finished.type === 'job.end' && finished.kind === 'loginFlow' && finished.outcome === 'done'
        ? finished.result.account.ref
        : '';
    expect(await vault.get(ref)).toBe(appPassword);
    const phases = events.flatMap((event) =>
      event.type === 'job.progress' && event.kind === 'loginFlow' ? [event.progress.phase] : [],
    );
    expect(phases).toContain('waiting-for-browser');
  });
});
