// Where to draw the family's place and the suggested hosts on the offline map of the wizard
// ("Your new home", drawn later with world-atlas + d3-geo). Pure: a viewport and places in,
// pixel positions and the projection's parameters out, so the renderer can build the very same
// d3 projection (geoMercator().scale(s).translate(t)) to draw the countries underneath.
import { geoMercator } from 'd3-geo';

export interface Viewport {
  width: number;
  height: number;
  /** Pixels kept free on each side, so markers are not cut. */
  padding?: number;
}

export interface MapPoint {
  id: string;
  lat: number;
  lon: number;
}

export interface ProjectedPoint {
  id: string;
  x: number;
  y: number;
  /** Inside the viewport (hosts far away are still returned, off to the side). */
  visible: boolean;
}

export interface ProjectedMap {
  projection: { kind: 'mercator'; scale: number; translate: [number, number] };
  family: ProjectedPoint;
  hosts: ProjectedPoint[];
}

/** Never zoom closer than about ±25 km around the family: the map must show a town, not a street. */
const MIN_HALF_SPAN_DEGREES = 0.25;

/**
 * Fits the family's place and the given hosts (typically the nearest suggestions) in the
 * viewport; pass only the hosts that should frame the map.
 */
export function projectPlaces(
  viewport: Viewport,
  family: MapPoint,
  hosts: readonly MapPoint[],
  frame: readonly MapPoint[] = hosts,
): ProjectedMap {
  const padding = viewport.padding ?? 24;
  const framed = [family, ...frame];
  const box = [
    [family.lon - MIN_HALF_SPAN_DEGREES, family.lat - MIN_HALF_SPAN_DEGREES],
    [family.lon + MIN_HALF_SPAN_DEGREES, family.lat + MIN_HALF_SPAN_DEGREES],
    ...framed.map((point) => [point.lon, point.lat]),
  ];
  const projection = geoMercator().fitExtent(
    [
      [padding, padding],
      [
        Math.max(padding + 1, viewport.width - padding),
        Math.max(padding + 1, viewport.height - padding),
      ],
    ],
    { type: 'MultiPoint', coordinates: box },
  );
  const place = (point: MapPoint): ProjectedPoint => {
    const [x, y] = projection([point.lon, point.lat]) ?? [Number.NaN, Number.NaN];
    const visible = x >= 0 && y >= 0 && x <= viewport.width && y <= viewport.height;
    return { id: point.id, x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10, visible };
  };
  const [tx, ty] = projection.translate();
  return {
    projection: { kind: 'mercator', scale: projection.scale(), translate: [tx, ty] },
    family: place(family),
    hosts: hosts.map(place),
  };
}
