// Where things go on the map of "Your new home": the Mercator projection that frames the
// family's place and the hosts shown, each host's marker (spread apart when several hosts share
// a town, with a line back to their true point), and a scale bar. Pure, so it is tested in
// Node; host-map.tsx draws it, with the countries of Natural Earth under it in the same
// projection.
//
// It lives in the renderer, not the engine: the renderer may not import engine code (only the
// contract's types), and only the screen needs it (a frame that follows the distance filter,
// spreading, a scale).
import { geoDistance, geoMercator } from 'd3-geo';
import type { GeoProjection } from 'd3-geo';

export interface Viewport {
  width: number;
  height: number;
}

export interface MapHost {
  id: string;
  /** Its number in the list, drawn in the marker. */
  number: number;
  lat: number;
  lon: number;
}

export interface PlacedHost extends MapHost {
  /** The host's true point. */
  x: number;
  y: number;
  /** Where its marker is drawn (moved off the true point when markers would overlap). */
  markerX: number;
  markerY: number;
  moved: boolean;
}

export interface MapLayout {
  projection: GeoProjection;
  family: { x: number; y: number };
  /** The hosts whose true point is inside the map, in the order given. */
  placed: PlacedHost[];
  /** The hosts too far away to be inside the map. */
  offMap: MapHost[];
  scale: { km: number; px: number };
}

/** The marker's radius, in pixels: room for a two-digit number at a readable size. */
export const MARKER_RADIUS = 13;
/** Without a distance filter, hosts further than this do not widen the map (Montréal from Lyon). */
export const FRAME_LIMIT_KM = 1000;
/** Never closer than this around the family: the map shows a region, not a street. */
export const MIN_FRAME_KM = 30;
const PADDING = MARKER_RADIUS * 2 + 4;
const KM_PER_DEGREE = 111.195;

const EARTH_KM = 6371;
const distanceKm = (a: { lat: number; lon: number }, b: { lat: number; lon: number }): number =>
  geoDistance([a.lon, a.lat], [b.lon, b.lat]) * EARTH_KM;

/** The corners of a box `km` around a point, for fitting the projection. */
function boxAround(point: { lat: number; lon: number }, km: number): [number, number][] {
  const dLat = km / KM_PER_DEGREE;
  const dLon = km / (KM_PER_DEGREE * Math.max(0.05, Math.cos((point.lat * Math.PI) / 180)));
  return [
    [point.lon - dLon, Math.max(-85, point.lat - dLat)],
    [point.lon + dLon, Math.min(85, point.lat + dLat)],
  ];
}

/** 1, 2 or 5 times a power of ten: the scale bar's length in kilometres. */
export function niceKm(maxKm: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(maxKm, 1e-3)));
  for (const step of [5, 2, 1]) if (step * power <= maxKm) return step * power;
  return power;
}

/**
 * Markers closer than two radii are grouped (transitively); a group's markers are set on a ring
 * around its centre, numbers in order from the top, clockwise. A group touching the family's
 * marker rings around the family instead, so the house stays visible.
 */
export function spreadMarkers(
  points: readonly { x: number; y: number }[],
  family: { x: number; y: number },
  viewport: Viewport,
  radius = MARKER_RADIUS,
): { x: number; y: number }[] {
  const reach = radius * 2;
  const group = points.map((_point, index) => index);
  const root = (i: number): number => {
    let r = i;
    while (group[r] !== r) r = group[r] ?? r;
    return r;
  };
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const a = points[i];
      const b = points[j];
      if (a === undefined || b === undefined) continue;
      if (Math.hypot(a.x - b.x, a.y - b.y) < reach) group[root(j)] = root(i);
    }
  }
  const members = new Map<number, number[]>();
  points.forEach((_point, index) => {
    const key = root(index);
    members.set(key, [...(members.get(key) ?? []), index]);
  });
  const placed = points.map((point) => ({ x: point.x, y: point.y }));
  for (const indexes of members.values()) {
    const group = indexes.map((index) => points[index] ?? { x: 0, y: 0 });
    const nearFamily = group.some(
      (point) => Math.hypot(point.x - family.x, point.y - family.y) < reach,
    );
    if (indexes.length === 1 && !nearFamily) continue;
    const centre = nearFamily
      ? family
      : {
          x: group.reduce((sum, point) => sum + point.x, 0) / group.length,
          y: group.reduce((sum, point) => sum + point.y, 0) / group.length,
        };
    const ring = Math.max(
      nearFamily ? radius * 2.1 : radius * 1.4,
      (indexes.length * (radius * 2 + 3)) / (2 * Math.PI),
    );
    indexes.forEach((index, k) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * k) / indexes.length;
      placed[index] = {
        x: Math.min(viewport.width - radius, Math.max(radius, centre.x + ring * Math.cos(angle))),
        y: Math.min(viewport.height - radius, Math.max(radius, centre.y + ring * Math.sin(angle))),
      };
    });
  }
  return placed;
}

export function layoutMap(
  viewport: Viewport,
  family: { lat: number; lon: number },
  hosts: readonly MapHost[],
  maxKm: number | null,
): MapLayout {
  const frameKm = maxKm ?? FRAME_LIMIT_KM;
  const framing = hosts.filter((host) => distanceKm(family, host) <= frameKm);
  const corners: [number, number][] =
    maxKm === null
      ? [
          ...boxAround(family, MIN_FRAME_KM),
          ...framing.map((host): [number, number] => [host.lon, host.lat]),
        ]
      : boxAround(family, Math.max(maxKm, MIN_FRAME_KM));
  const projection = geoMercator().fitExtent(
    [
      [PADDING, PADDING],
      [
        Math.max(PADDING + 1, viewport.width - PADDING),
        Math.max(PADDING + 1, viewport.height - PADDING),
      ],
    ],
    { type: 'MultiPoint', coordinates: corners },
  );
  projection.clipExtent([
    [0, 0],
    [viewport.width, viewport.height],
  ]);

  const at = (point: { lat: number; lon: number }): { x: number; y: number } => {
    const [x, y] = projection([point.lon, point.lat]) ?? [Number.NaN, Number.NaN];
    return { x, y };
  };
  const inside = ({ x, y }: { x: number; y: number }): boolean =>
    x >= 0 && y >= 0 && x <= viewport.width && y <= viewport.height;

  const familyPoint = at(family);
  const onMap: (MapHost & { x: number; y: number })[] = [];
  const offMap: MapHost[] = [];
  for (const host of hosts) {
    const point = at(host);
    if (inside(point)) onMap.push({ ...host, ...point });
    else offMap.push(host);
  }
  const markers = spreadMarkers(onMap, familyPoint, viewport);
  const placed = onMap.map((host, index) => {
    const marker = markers[index] ?? host;
    return {
      ...host,
      markerX: marker.x,
      markerY: marker.y,
      moved: Math.hypot(marker.x - host.x, marker.y - host.y) > 0.5,
    };
  });

  // Mercator stretches with latitude: measure the scale where the family lives.
  const east = at({ lat: family.lat, lon: family.lon + 1 });
  const pxPerKm =
    Math.abs(east.x - familyPoint.x) /
    (KM_PER_DEGREE * Math.cos((family.lat * Math.PI) / 180) || 1);
  const km = niceKm(viewport.width / 4 / pxPerKm);
  return {
    projection,
    family: familyPoint,
    placed,
    offMap,
    scale: { km, px: km * pxPerKm },
  };
}

export interface LabelPlacement {
  x: number;
  /** The text's baseline. */
  y: number;
  anchor: 'start' | 'middle' | 'end';
}

/**
 * Where the family's place name goes: below the house, else above, right or left, a little
 * further out each round — the first spot no marker covers and that stays inside the map (else
 * below, whatever covers it).
 * `textWidth` is an estimate: the real width depends on the font, and a few pixels do not matter.
 */
export function placeFamilyLabel(
  family: { x: number; y: number },
  markers: readonly { markerX: number; markerY: number }[],
  textWidth: number,
  viewport: Viewport,
  radius = MARKER_RADIUS,
  lineHeight = 14,
): LabelPlacement {
  const gap = 6;
  const house = 12;
  // Nearest first: below, above, right, left; then one line further out each time, to clear
  // a ring of markers around the house.
  const candidates: LabelPlacement[] = [0, 1, 2, 3].flatMap((step): LabelPlacement[] => {
    const out = step * lineHeight;
    return [
      { x: family.x, y: family.y + house + gap + lineHeight + out, anchor: 'middle' },
      { x: family.x, y: family.y - house - gap - 2 - out, anchor: 'middle' },
      { x: family.x + house + gap + out, y: family.y + lineHeight / 3, anchor: 'start' },
      { x: family.x - house - gap - out, y: family.y + lineHeight / 3, anchor: 'end' },
    ];
  });
  const box = (label: LabelPlacement) => {
    const left =
      label.anchor === 'start'
        ? label.x
        : label.anchor === 'end'
          ? label.x - textWidth
          : label.x - textWidth / 2;
    return { left, right: left + textWidth, top: label.y - lineHeight + 2, bottom: label.y + 4 };
  };
  const free = (label: LabelPlacement): boolean => {
    const b = box(label);
    if (b.left < 0 || b.right > viewport.width || b.top < 0 || b.bottom > viewport.height) {
      return false;
    }
    return markers.every(({ markerX, markerY }) => {
      const nearestX = Math.min(Math.max(markerX, b.left), b.right);
      const nearestY = Math.min(Math.max(markerY, b.top), b.bottom);
      return Math.hypot(markerX - nearestX, markerY - nearestY) > radius + 1;
    });
  };
  return candidates.find(free) ?? (candidates[0] as LabelPlacement);
}

/** The distance filter's circle, in degrees of arc, for d3's geoCircle. */
export const kmToDegrees = (km: number): number => km / KM_PER_DEGREE;
