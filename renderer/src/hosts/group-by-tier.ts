// The list's sections: consecutive hosts of the same tier (offers everything, part of it, to
// check, not taking new accounts). The engine sorts by tier first, so there is usually one
// section per tier; grouping only neighbours keeps the engine's order whatever it becomes.
import type { HostSuggestion } from '../../../src/contract/index.ts';

export interface TierGroup {
  tier: HostSuggestion['tier'];
  /** The number of the group's first host in the whole list (1-based, as on the map). */
  start: number;
  hosts: HostSuggestion[];
}

export function groupByTier(hosts: readonly HostSuggestion[]): TierGroup[] {
  const groups: TierGroup[] = [];
  hosts.forEach((host, index) => {
    const last = groups.at(-1);
    if (last?.tier === host.tier) last.hosts.push(host);
    else groups.push({ tier: host.tier, start: index + 1, hosts: [host] });
  });
  return groups;
}
