// The list's sections: the hosts near the family (within the engine's reach), then the farther
// ones that offer what it needs. The engine sorts near ones first; grouping only neighbours
// keeps its order, and the numbers stay those of the whole list (as on the map).
import type { HostSuggestion } from '../../../src/contract/index.ts';

export interface HostGroup {
  group: HostSuggestion['group'];
  /** The number of the group's first host in the whole list (1-based, as on the map). */
  start: number;
  hosts: HostSuggestion[];
}

export function groupByDistance(hosts: readonly HostSuggestion[]): HostGroup[] {
  const groups: HostGroup[] = [];
  hosts.forEach((host, index) => {
    const last = groups.at(-1);
    if (last?.group === host.group) last.hosts.push(host);
    else groups.push({ group: host.group, start: index + 1, hosts: [host] });
  });
  return groups;
}
