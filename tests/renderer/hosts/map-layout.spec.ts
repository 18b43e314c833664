import { geoDistance } from 'd3-geo';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MARKER_RADIUS,
  layoutMap,
  niceKm,
  placeFamilyLabel,
  spreadMarkers,
} from '../../../renderer/src/hosts/map-layout.ts';

const viewport = { width: 420, height: 400 };
const lyon = { lat: 45.7453, lon: 4.842 };
const hadoly = { id: 'hadoly', number: 1, lat: 45.7485, lon: 4.8467 };
const mornant = { id: 'indiehosters', number: 2, lat: 45.6189, lon: 4.6723 };
const brest = { id: 'infini', number: 3, lat: 48.3903, lon: -4.4863 };
const montreal = { id: 'facil', number: 4, lat: 45.5088, lon: -73.5878 };
const inside = ({ x, y }: { x: number; y: number }) =>
  x >= 0 && y >= 0 && x <= viewport.width && y <= viewport.height;

describe('layoutMap', () => {
  it('frames the family and the hosts of the region; a host across the ocean is off the map', () => {
    const layout = layoutMap(viewport, lyon, [hadoly, mornant, brest, montreal], null);
    expect(inside(layout.family)).toBe(true);
    expect(layout.placed.map((host) => host.id)).toEqual(['hadoly', 'indiehosters', 'infini']);
    expect(layout.offMap.map((host) => host.id)).toEqual(['facil']);
    for (const host of layout.placed) {
      expect(inside({ x: host.markerX, y: host.markerY }), host.id).toBe(true);
    }
    // Brest is west of Lyon, and north: smaller x, smaller y.
    const infini = layout.placed.find((host) => host.id === 'infini');
    expect(infini?.x).toBeLessThan(layout.family.x);
    expect(infini?.y).toBeLessThan(layout.family.y);
  });

  it('frames the distance chosen in the filter', () => {
    const layout = layoutMap(viewport, lyon, [hadoly, mornant, brest], 50);
    expect(layout.placed.map((host) => host.id)).toEqual(['hadoly', 'indiehosters']);
    expect(layout.offMap.map((host) => host.id)).toEqual(['infini']);
    // A point 50 km north of the family is inside the map, close to its edge.
    const [, north] = layout.projection([lyon.lon, lyon.lat + 50 / 111.195]) ?? [0, 0];
    expect(north).toBeGreaterThan(0);
    expect(north).toBeLessThan(viewport.height / 4);
  });

  it('moves a host at the family’s door off the house, with a leader back to its point', () => {
    const layout = layoutMap(viewport, lyon, [hadoly], 50);
    const [marker] = layout.placed;
    expect(marker?.moved).toBe(true);
    expect(
      Math.hypot(
        (marker?.markerX ?? 0) - layout.family.x,
        (marker?.markerY ?? 0) - layout.family.y,
      ),
    ).toBeGreaterThanOrEqual(MARKER_RADIUS * 2);
  });

  it('gives a scale bar whose length is its distance at the family’s latitude', () => {
    const layout = layoutMap(viewport, lyon, [mornant], 50);
    const east = layout.projection.invert?.([layout.family.x + layout.scale.px, layout.family.y]);
    expect(east).toBeDefined();
    const km = geoDistance([lyon.lon, lyon.lat], east ?? [0, 0]) * 6371;
    expect(Math.abs(km - layout.scale.km) / layout.scale.km).toBeLessThan(0.01);
    expect(layout.scale.px).toBeLessThanOrEqual(viewport.width / 4);
  });
});

describe('niceKm', () => {
  it('rounds down to 1, 2 or 5 times a power of ten', () => {
    expect(niceKm(37)).toBe(20);
    expect(niceKm(120)).toBe(100);
    expect(niceKm(5)).toBe(5);
    expect(niceKm(0.7)).toBe(0.5);
    expect(niceKm(999)).toBe(500);
  });
});

describe('spreadMarkers', () => {
  const family = { x: 0, y: 0 };
  const big = { width: 2000, height: 2000 };

  it('leaves lone markers where they are', () => {
    const points = [
      { x: 500, y: 500 },
      { x: 900, y: 500 },
    ];
    expect(spreadMarkers(points, family, big)).toEqual(points);
  });

  it('sets markers of one town on a ring, apart from each other', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), (count) => {
        const points = Array.from({ length: count }, () => ({ x: 1000, y: 1000 }));
        const placed = spreadMarkers(points, family, big);
        for (let i = 0; i < placed.length; i++) {
          for (let j = i + 1; j < placed.length; j++) {
            const a = placed[i] ?? { x: 0, y: 0 };
            const b = placed[j] ?? { x: 0, y: 0 };
            expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(MARKER_RADIUS * 2);
          }
        }
      }),
    );
  });

  it('keeps markers inside the map, even at its edge', () => {
    const points = [
      { x: 2, y: 2 },
      { x: 3, y: 3 },
    ];
    for (const marker of spreadMarkers(points, { x: 500, y: 500 }, { width: 600, height: 600 })) {
      expect(marker.x).toBeGreaterThanOrEqual(MARKER_RADIUS);
      expect(marker.y).toBeGreaterThanOrEqual(MARKER_RADIUS);
    }
  });
});

describe('placeFamilyLabel', () => {
  const family = { x: 200, y: 200 };

  it('writes the name below the house when nothing is there', () => {
    expect(placeFamilyLabel(family, [], 80, viewport)).toMatchObject({
      x: 200,
      anchor: 'middle',
    });
    expect(placeFamilyLabel(family, [], 80, viewport).y).toBeGreaterThan(family.y);
  });

  it('writes it above when a marker sits below', () => {
    const label = placeFamilyLabel(family, [{ markerX: 200, markerY: 230 }], 80, viewport);
    expect(label.y).toBeLessThan(family.y);
  });

  it('writes it clear of a ring of markers around the house', () => {
    const ring = [-90, 30, 150].map((degrees) => ({
      markerX: 200 + 27 * Math.cos((degrees * Math.PI) / 180),
      markerY: 200 + 27 * Math.sin((degrees * Math.PI) / 180),
    }));
    const label = placeFamilyLabel(family, ring, 160, viewport);
    const top = label.y - 12;
    for (const marker of ring) {
      const clear =
        top - marker.markerY > MARKER_RADIUS || marker.markerY - label.y > MARKER_RADIUS;
      expect(clear || Math.abs(marker.markerX - label.x) > 80 + MARKER_RADIUS).toBe(true);
    }
  });

  it('writes it beside when markers sit above and below', () => {
    const label = placeFamilyLabel(
      family,
      [
        { markerX: 200, markerY: 230 },
        { markerX: 200, markerY: 170 },
      ],
      80,
      viewport,
    );
    expect(label.anchor).toBe('start');
  });
});
