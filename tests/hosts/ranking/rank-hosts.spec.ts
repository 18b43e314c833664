import { describe, expect, it } from 'vitest';
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
  const ranked = rankHosts(
    [nearUnknown, nearClosed, nearFilesOnly, nowhere, farComplete],
    lyon,
    options,
  );

  it('puts a host offering everything before a nearer one offering part of it', () => {
    expect(ranked.map((s) => s.host.id)).toEqual([
      'far-complete',
      'nowhere',
      'near-files-only',
      'near-unknown',
      'near-closed',
    ]);
    expect(ranked.map((s) => s.tier)).toEqual([
      'suitable',
      'suitable',
      'partial',
      'to-check',
      'closed',
    ]);
  });

  it('says why: distance, what is offered, what is missing, how to join', () => {
    const far = ranked[0];
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
    const order = rankHosts([a, b, c], lyon, { ...options, needs: ['files'] }).map(
      (s) => s.host.id,
    );
    expect(order).toEqual(['c', 'b', 'a']);
  });

  it('puts hosts known to take new people before those whose registration is unknown', () => {
    const unknown = host('unknown', { lat: 45.75, lon: 4.85 }, [
      service('files', { registration: 'unknown' }),
    ]);
    const members = host('members', { lat: 46.5, lon: 4.85 }, [
      service('files', { registration: 'members' }),
    ]);
    const order = rankHosts([unknown, members], lyon, { ...options, needs: ['files'] }).map(
      (s) => s.host.id,
    );
    expect(order).toEqual(['members', 'unknown']);
  });

  it('marks a host that serves organisations only, and the price it states', () => {
    const orgs = host('orgs', lyon, [
      service('files', {
        audience: 'organisations',
        price: { eurosPerYear: 50, freePlan: false, note: '50 €/an' },
      }),
    ]);
    const [suggestion] = rankHosts([orgs], lyon, { ...options, needs: ['files'] });
    expect(suggestion?.tier).toBe('closed');
    expect(suggestion?.reasons).toContainEqual({ code: 'organisations-only' });
    expect(suggestion?.reasons).toContainEqual({
      code: 'price',
      eurosPerYear: 50,
      freePlan: false,
    });
  });
});
