import { describe, expect, it } from 'vitest';
import { groupByDistance } from '../../../renderer/src/hosts/group-by-distance.ts';
import { suggestion } from './suggestion.ts';

describe('groupByDistance', () => {
  it('puts the near hosts, then the farther ones, numbered as in the whole list', () => {
    const hosts = [
      suggestion({ id: 'a', group: 'near', tier: 'to-check' }),
      suggestion({ id: 'b', group: 'near', tier: 'closed' }),
      suggestion({ id: 'c', group: 'farther', tier: 'suitable' }),
      suggestion({ id: 'd', group: 'farther', tier: 'suitable' }),
    ];
    expect(
      groupByDistance(hosts).map((group) => ({
        group: group.group,
        start: group.start,
        ids: group.hosts.map((host) => host.id),
      })),
    ).toEqual([
      { group: 'near', start: 1, ids: ['a', 'b'] },
      { group: 'farther', start: 3, ids: ['c', 'd'] },
    ]);
  });

  it('has one group when nothing is near (or everything is)', () => {
    const hosts = [
      suggestion({ id: 'a', group: 'farther' }),
      suggestion({ id: 'b', group: 'farther' }),
    ];
    expect(groupByDistance(hosts).map((group) => [group.group, group.start])).toEqual([
      ['farther', 1],
    ]);
  });
});
