import { describe, expect, it } from 'vitest';
import { chooseReach, reachSteps } from '../../../src/hosts/ranking/reach.ts';

const at = (distanceKm: number | null, counts = true) => ({ distanceKm, counts });

describe('chooseReach', () => {
  it('stays at 50 km when a host that counts is that close', () => {
    expect(chooseReach([at(1), at(700)])).toEqual({ km: 50, widened: false });
    expect(chooseReach([at(50)])).toEqual({ km: 50, widened: false });
  });

  it('widens one step at a time: 100, 200, 500, 1000 km', () => {
    expect(chooseReach([at(51)])).toEqual({ km: 100, widened: true });
    expect(chooseReach([at(150), at(900)])).toEqual({ km: 200, widened: true });
    expect(chooseReach([at(450)])).toEqual({ km: 500, widened: true });
    expect(chooseReach([at(999)])).toEqual({ km: 1000, widened: true });
    expect(reachSteps).toEqual([50, 100, 200, 500, 1000]);
  });

  it('ignores hosts that do not count and hosts with no known distance', () => {
    expect(chooseReach([at(3, false), at(null), at(80)])).toEqual({ km: 100, widened: true });
  });

  it('ends at the widest step when nothing is within it', () => {
    expect(chooseReach([at(5000), at(null)])).toEqual({ km: 1000, widened: true });
    expect(chooseReach([])).toEqual({ km: 1000, widened: true });
  });
});
