import { geoMercator } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { projectPlaces } from '../../../src/hosts/map/project-places.ts';

const lyon = { id: 'family', lat: 45.75, lon: 4.85 };
const brest = { id: 'infini', lat: 48.39, lon: -4.49 };
const mornant = { id: 'indiehosters', lat: 45.62, lon: 4.67 };
const montreal = { id: 'facil', lat: 45.51, lon: -73.59 };

describe('projectPlaces', () => {
  it('fits the family and the framing hosts inside the viewport, west left and north up', () => {
    const map = projectPlaces({ width: 800, height: 600 }, lyon, [brest, mornant]);
    for (const point of [map.family, ...map.hosts]) {
      expect(point.visible).toBe(true);
    }
    const [infini, indie] = map.hosts;
    expect(infini?.x).toBeLessThan(map.family.x);
    expect(infini?.y).toBeLessThan(map.family.y);
    expect(indie?.y).toBeGreaterThan(map.family.y);
  });

  it('gives the projection the renderer needs to draw the countries underneath', () => {
    const map = projectPlaces({ width: 800, height: 600 }, lyon, [brest]);
    const same = geoMercator().scale(map.projection.scale).translate(map.projection.translate);
    const [x, y] = same([brest.lon, brest.lat]) ?? [0, 0];
    expect(x).toBeCloseTo(map.hosts[0]?.x ?? 0, 0);
    expect(y).toBeCloseTo(map.hosts[0]?.y ?? 0, 0);
  });

  it('shows a town around the family even with no host to frame', () => {
    const map = projectPlaces({ width: 400, height: 400 }, lyon, []);
    expect(map.family.visible).toBe(true);
    expect(Math.abs(map.family.x - 200)).toBeLessThan(2);
    expect(Math.abs(map.family.y - 200)).toBeLessThan(2);
    expect(Number.isFinite(map.projection.scale)).toBe(true);
  });

  it('returns hosts outside the frame as not visible', () => {
    const map = projectPlaces({ width: 800, height: 600 }, lyon, [mornant, montreal], [mornant]);
    expect(map.hosts.map((h) => h.visible)).toEqual([true, false]);
  });
});
