// The filters of the list of hosts: only those taking new members, only those offering
// everything the family chose, a maximum distance. Pure, so the list, the count and the map
// always agree on what is shown.
import type { HostSuggestion, Need } from '../../../src/contract/index.ts';

export interface HostFilters {
  /** Only hosts known to take new people (openly, as members, or with a subscription). */
  takesMembers: boolean;
  /** Only hosts whose sources say they offer every kind of data the family moves. */
  offersAll: boolean;
  /** Kilometres; null for any distance. */
  maxKm: number | null;
}

export const noFilters: HostFilters = { takesMembers: false, offersAll: false, maxKm: null };

/** The distances offered in the filter, in kilometres. */
export const distanceChoices = [10, 25, 50, 100, 250, 500] as const;

export function takesMembers(host: HostSuggestion): boolean {
  return (
    host.tier !== 'closed' &&
    (host.registration === 'open' ||
      host.registration === 'members' ||
      host.registration === 'paid')
  );
}

export function offersAll(host: HostSuggestion, needs: readonly Need[]): boolean {
  return needs.every((need) => host.offers.includes(need));
}

export interface FilteredHosts {
  /** In the engine's order. */
  shown: HostSuggestion[];
  /** Hidden only because their distance is unknown while a maximum distance is set. */
  hiddenUnknownDistance: number;
}

export function filterHosts(
  hosts: readonly HostSuggestion[],
  filters: HostFilters,
  needs: readonly Need[],
): FilteredHosts {
  let hiddenUnknownDistance = 0;
  const shown = hosts.filter((host) => {
    if (filters.takesMembers && !takesMembers(host)) return false;
    if (filters.offersAll && !offersAll(host, needs)) return false;
    if (filters.maxKm !== null) {
      if (host.distanceKm === null) {
        hiddenUnknownDistance++;
        return false;
      }
      if (host.distanceKm > filters.maxKm) return false;
    }
    return true;
  });
  return { shown, hiddenUnknownDistance };
}

export function filtersActive(filters: HostFilters): boolean {
  return filters.takesMembers || filters.offersAll || filters.maxKm !== null;
}
