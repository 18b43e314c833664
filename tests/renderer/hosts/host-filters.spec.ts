import { describe, expect, it } from 'vitest';
import {
  filterHosts,
  filtersActive,
  noFilters,
  takesMembers,
} from '../../../renderer/src/hosts/host-filters.ts';
import { suggestion } from './suggestion.ts';

const near = suggestion({
  id: 'near',
  distanceKm: 3,
  registration: 'members',
  tier: 'suitable',
  offers: ['files', 'calendars', 'contacts'],
});
const partial = suggestion({
  id: 'partial',
  distanceKm: 40,
  registration: 'open',
  tier: 'partial',
  offers: ['calendars'],
});
const unknown = suggestion({ id: 'unknown', distanceKm: null, registration: 'unknown' });
const closed = suggestion({
  id: 'closed',
  distanceKm: 1,
  registration: 'paid',
  tier: 'closed',
  offers: ['files', 'calendars', 'contacts'],
});
const hosts = [near, partial, unknown, closed];
const ids = (list: { id: string }[]) => list.map((host) => host.id);

describe('filterHosts', () => {
  it('keeps every host, in the engine’s order, without filters', () => {
    expect(ids(filterHosts(hosts, noFilters, ['files']).shown)).toEqual(ids(hosts));
    expect(filtersActive(noFilters)).toBe(false);
  });

  it('keeps hosts that take new members; a closed tier does not, whatever its registration', () => {
    expect(takesMembers(closed)).toBe(false);
    const { shown } = filterHosts(hosts, { ...noFilters, takesMembers: true }, ['files']);
    expect(ids(shown)).toEqual(['near', 'partial']);
  });

  it('keeps hosts offering every need', () => {
    const filters = { ...noFilters, offersAll: true };
    expect(ids(filterHosts(hosts, filters, ['files', 'calendars']).shown)).toEqual([
      'near',
      'closed',
    ]);
    expect(ids(filterHosts(hosts, filters, ['calendars']).shown)).toEqual([
      'near',
      'partial',
      'closed',
    ]);
  });

  it('keeps hosts within the distance and counts those hidden for an unknown distance', () => {
    const result = filterHosts(hosts, { ...noFilters, maxKm: 10 }, ['files']);
    expect(ids(result.shown)).toEqual(['near', 'closed']);
    expect(result.hiddenUnknownDistance).toBe(1);
  });

  it('counts unknown distances only when they are the reason a host is hidden', () => {
    const result = filterHosts(hosts, { takesMembers: true, offersAll: false, maxKm: 10 }, [
      'files',
    ]);
    expect(ids(result.shown)).toEqual(['near']);
    expect(result.hiddenUnknownDistance).toBe(0);
  });
});
