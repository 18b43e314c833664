import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDir } from '../../../scripts/build-hosts-data.ts';
import { Directory } from '../../../src/hosts/directory/directory-schema.ts';
import type { Host, HostService } from '../../../src/hosts/directory/directory-schema.ts';
import { rankHosts } from '../../../src/hosts/ranking/rank-hosts.ts';
import type { Need } from '../../../src/hosts/ranking/rank-hosts.ts';

const lyon = { lat: 45.75, lon: 4.85 };

const service = (kind: HostService['kind'], overrides: Partial<HostService> = {}): HostService => ({
  kind,
  software: 'Nextcloud',
  softwareId: 'nextcloud',
  url: null,
  registration: 'open',
  audience: 'individuals',
  price: null,
  signupUrl: null,
  source: 'test',
  ...overrides,
});

const host = (
  id: string,
  at: { lat: number; lon: number } | null,
  services: HostService[],
  overrides: Partial<Host> = {},
): Host => ({
  id,
  name: id,
  website: `https://${id}.example/`,
  country: 'FR',
  city: null,
  postcode: null,
  location: at === null ? null : { ...at, geocodedBy: 'gazetteer', precision: 'place', note: '' },
  membership: { confidence: 'high', source: 'test' },
  services,
  notes: [],
  sources: {},
  checked: '2026-11-24',
  origin: 'snapshot',
  ...overrides,
});

const everything: Need[] = ['files', 'calendars', 'contacts'];
const options = { needs: everything, now: new Date('2026-11-26T00:00:00Z') };

describe('rankHosts', () => {
  const farComplete = host('far-complete', { lat: 48.39, lon: -4.49 }, [
    service('files'),
    service('calendars'),
    service('contacts'),
  ]);
  const nearFilesOnly = host('near-files-only', { lat: 45.76, lon: 4.84 }, [service('files')]);
  const nearUnknown = host('near-unknown', { lat: 45.74, lon: 4.86 }, [
    service('other', { software: 'Etherpad', softwareId: null }),
  ]);
  const nearClosed = host('near-closed', { lat: 45.75, lon: 4.85 }, [
    service('files', { registration: 'closed' }),
    service('calendars', { registration: 'closed' }),
    service('contacts', { registration: 'closed' }),
  ]);
  const nowhere = host('nowhere', null, [
    service('files'),
    service('calendars'),
    service('contacts'),
  ]);
  const selection = rankHosts(
    [nearUnknown, nearClosed, nearFilesOnly, nowhere, farComplete],
    lyon,
    options,
  );
  const ranked = selection.suggestions;

  it('shows every host within 50 km first, whatever its offer, then the farther ones that offer everything', () => {
    expect(ranked.map((s) => s.host.id)).toEqual([
      'near-files-only',
      'near-unknown',
      'near-closed',
      'far-complete',
      'nowhere',
    ]);
    expect(ranked.map((s) => s.tier)).toEqual([
      'partial',
      'to-check',
      'closed',
      'suitable',
      'suitable',
    ]);
    expect(ranked.map((s) => s.group)).toEqual(['near', 'near', 'near', 'farther', 'farther']);
    expect(selection).toMatchObject({
      reach: { km: 50, widened: false },
      near: 3,
      farther: 1,
      unplaced: 1,
    });
  });

  it('leaves out far hosts that do not confirm what the family needs', () => {
    const farPartial = host('far-partial', { lat: 48.39, lon: -4.49 }, [service('files')]);
    const farUnknownRegistration = host('far-unknown-registration', { lat: 48.39, lon: -4.49 }, [
      service('files', { registration: 'unknown' }),
      service('calendars', { registration: 'unknown' }),
      service('contacts', { registration: 'unknown' }),
    ]);
    const ids = rankHosts(
      [farPartial, farUnknownRegistration, farComplete, nearUnknown],
      lyon,
      options,
    ).suggestions.map((s) => s.host.id);
    expect(ids).toEqual(['near-unknown', 'far-complete']);
  });

  it('says why: distance, what is offered, what is missing, how to join', () => {
    const far = ranked.find((s) => s.host.id === 'far-complete');
    expect(far?.distanceKm).toBeGreaterThan(700);
    expect(far?.reasons).toContainEqual({
      code: 'offers',
      kinds: everything,
      software: 'Nextcloud',
    });
    expect(far?.reasons).toContainEqual({ code: 'registration', registration: 'open' });
    const partial = ranked.find((s) => s.host.id === 'near-files-only');
    expect(partial?.reasons).toContainEqual({ code: 'missing', kinds: ['calendars', 'contacts'] });
    expect(ranked.find((s) => s.host.id === 'near-unknown')?.reasons).toContainEqual({
      code: 'offer-unknown',
    });
    expect(ranked.find((s) => s.host.id === 'nowhere')?.reasons).toContainEqual({
      code: 'distance-unknown',
    });
    expect(ranked.find((s) => s.host.id === 'near-closed')?.registration).toBe('closed');
  });

  it('says how old the information is', () => {
    expect(ranked[0]).toMatchObject({ checked: '2026-11-24', ageDays: 2 });
  });

  it('prefers the nearest among equals, then the cheapest', () => {
    const price = (eurosPerYear: number) => ({ eurosPerYear, freePlan: false, note: '' });
    const a = host('a', { lat: 45.8, lon: 4.85 }, [service('files', { price: price(30) })]);
    const b = host('b', { lat: 45.8, lon: 4.85 }, [service('files', { price: price(10) })]);
    const c = host('c', { lat: 45.76, lon: 4.85 }, [service('files', { price: price(50) })]);
    const order = rankHosts([a, b, c], lyon, { ...options, needs: ['files'] }).suggestions.map(
      (s) => s.host.id,
    );
    expect(order).toEqual(['c', 'b', 'a']);
  });

  it('puts hosts known to take new people before those whose registration is unknown', () => {
    const unknown = host('unknown', { lat: 45.75, lon: 4.85 }, [
      service('files', { registration: 'unknown' }),
    ]);
    const members = host('members', { lat: 46.0, lon: 4.85 }, [
      service('files', { registration: 'members' }),
    ]);
    const order = rankHosts([unknown, members], lyon, {
      ...options,
      needs: ['files'],
    }).suggestions.map((s) => s.host.id);
    expect(order).toEqual(['members', 'unknown']);
  });

  it('marks a host that serves organisations only, and the price it states', () => {
    const orgs = host('orgs', lyon, [
      service('files', {
        audience: 'organisations',
        price: { eurosPerYear: 50, freePlan: false, note: '50 €/an' },
      }),
    ]);
    const [suggestion] = rankHosts([orgs], lyon, { ...options, needs: ['files'] }).suggestions;
    expect(suggestion?.tier).toBe('closed');
    expect(suggestion?.reasons).toContainEqual({ code: 'organisations-only' });
    expect(suggestion?.reasons).toContainEqual({
      code: 'price',
      eurosPerYear: 50,
      freePlan: false,
    });
  });
});

describe('rankHosts: how far "near" goes', () => {
  const complete = (id: string, at: { lat: number; lon: number } | null): Host =>
    host(id, at, [service('files'), service('calendars'), service('contacts')]);
  // Aurillac (Cantal): nothing within 50 km, a host at about 80 km (Rodez), one far (Brest).
  const aurillac = { lat: 44.93, lon: 2.44 };
  const rodez = host('rodez', { lat: 44.35, lon: 2.57 }, [
    service('other', { software: 'Etherpad', softwareId: null }),
  ]);
  const brest = complete('brest', { lat: 48.39, lon: -4.49 });

  it('widens step by step when no host is within 50 km, and calls only those near', () => {
    const selection = rankHosts([brest, rodez], aurillac, options);
    expect(selection.reach).toEqual({ km: 100, widened: true });
    expect(selection.suggestions.map((s) => [s.host.id, s.group])).toEqual([
      ['rodez', 'near'],
      ['brest', 'farther'],
    ]);
  });

  it('does not stop widening at a host that takes no new accounts', () => {
    const closedNear = host('closed-near', { lat: 44.95, lon: 2.45 }, [
      service('files', { registration: 'closed' }),
    ]);
    const selection = rankHosts([closedNear, rodez], aurillac, options);
    expect(selection.reach.km).toBe(100);
    // Still shown, marked: it is near.
    expect(selection.suggestions.map((s) => [s.host.id, s.tier])).toEqual([
      ['rodez', 'to-check'],
      ['closed-near', 'closed'],
    ]);
  });

  it('has an empty "near" group when nothing is within the widest step', () => {
    const selection = rankHosts([brest], { lat: 45.5, lon: -73.57 }, options);
    expect(selection).toMatchObject({ reach: { km: 1000, widened: true }, near: 0, farther: 1 });
  });
});

describe('rankHosts on the shipped directory', () => {
  const directory = Directory.parse(
    JSON.parse(readFileSync(join(dataDir, 'directory.json'), 'utf8')),
  );
  const lyon7 = { lat: 45.7453, lon: 4.842 };

  it('puts a Lyon host first for 69007, and never counts Montréal as near', () => {
    const selection = rankHosts(directory.hosts, lyon7, options);
    expect(selection.reach.km).toBe(50);
    const [first] = selection.suggestions;
    expect(first?.host.city).toBe('Lyon');
    expect(first?.distanceKm).toBeLessThanOrEqual(2);
    const near = selection.suggestions.filter((s) => s.group === 'near');
    expect(near.length).toBe(selection.near);
    expect(near.every((s) => s.distanceKm !== null && s.distanceKm <= 50)).toBe(true);
    expect(selection.suggestions.some((s) => s.host.id === 'facil')).toBe(false);
    // Brussels and Brest come after every host near Lyon.
    const ids = selection.suggestions.map((s) => s.host.id);
    expect(ids.indexOf('nubo')).toBeGreaterThanOrEqual(selection.near);
    expect(ids.indexOf('infini')).toBeGreaterThanOrEqual(selection.near);
  });

  it('widens for Aurillac, where no host that might take the family is within 50 km', () => {
    const selection = rankHosts(directory.hosts, { lat: 44.9264, lon: 2.4397 }, options);
    expect(selection.reach.widened).toBe(true);
    expect(selection.reach.km).toBeGreaterThan(50);
    const near = selection.suggestions.slice(0, selection.near);
    expect(near.length).toBeGreaterThan(0);
    expect(near.every((s) => (s.distanceKm ?? Infinity) <= selection.reach.km)).toBe(true);
    expect(near.some((s) => s.tier !== 'closed')).toBe(true);
  });

  it('counts Montréal as near only for Montréal', () => {
    const selection = rankHosts(directory.hosts, { lat: 45.5088, lon: -73.5878 }, options);
    expect(selection.suggestions[0]?.host.id).toBe('facil');
    expect(selection.suggestions[0]?.group).toBe('near');
  });
});
