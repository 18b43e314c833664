// The countries of Natural Earth (world-atlas, 1:50 million, public domain), shipped with the app
// and fetched from its own files: no tiles, no network. Loaded once, on the first map.
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { FeatureCollection, MultiLineString } from 'geojson';
import atlasUrl from 'world-atlas/countries-50m.json?url';

export interface WorldShapes {
  land: FeatureCollection;
  /** Borders between two countries. */
  borders: MultiLineString;
  /** Coasts: the edges that belong to one country only. */
  coasts: MultiLineString;
}

type Atlas = Topology<{ countries: GeometryCollection }>;

function isAtlas(value: unknown): value is Atlas {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { type?: unknown; objects?: { countries?: { type?: unknown } } };
  return (
    candidate.type === 'Topology' && candidate.objects?.countries?.type === 'GeometryCollection'
  );
}

let loading: Promise<WorldShapes> | undefined;

export function loadWorldShapes(): Promise<WorldShapes> {
  loading ??= fetch(atlasUrl)
    .then((response) => response.json() as Promise<unknown>)
    .then((atlas) => {
      if (!isAtlas(atlas)) throw new Error('world-atlas: not a topology of countries');
      const countries = atlas.objects.countries;
      return {
        land: feature(atlas, countries),
        borders: mesh(atlas, countries, (a, b) => a !== b),
        coasts: mesh(atlas, countries, (a, b) => a === b),
      };
    })
    .catch((error: unknown) => {
      // Let the next map try again.
      loading = undefined;
      throw error;
    });
  return loading;
}
