// How far "near" goes for a family. A household can meet a host within an hour or so, and
// most CHATONS serve their region first, so "near" starts at 50 km; where no host could take
// the family that close (the countryside, Belgium, Québec), it widens one step at a time, so
// the first suggestions are always the nearest ones that exist, never a far one called near.

/** The radii tried in turn, in kilometres. */
export const reachSteps = [50, 100, 200, 500, 1000] as const;
export type ReachKm = (typeof reachSteps)[number];

export interface Reach {
  /** The radius the "near" group uses. */
  km: ReachKm;
  /** True when 50 km held no host that could take the family and the radius grew. */
  widened: boolean;
}

/**
 * The smallest step holding at least one host that might take the family (`counts` says which).
 * When even the largest holds none, the largest: the "near" group is then empty, and says so.
 */
export function chooseReach(
  candidates: readonly { distanceKm: number | null; counts: boolean }[],
): Reach {
  const first = reachSteps[0];
  for (const km of reachSteps) {
    const inside = candidates.some(
      (candidate) =>
        candidate.counts && candidate.distanceKm !== null && candidate.distanceKm <= km,
    );
    if (inside) return { km, widened: km !== first };
  }
  const last = reachSteps[reachSteps.length - 1] ?? first;
  return { km: last, widened: true };
}
