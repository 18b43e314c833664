// The gazetteer Baluchon ships: gzipped JSON holding one tab-separated row per place and the
// lookup indexes already built (name key → places, postcode → communes) as flat arrays. JSON
// because JSON.parse is the fastest parser Node has, and one string per place because parsing
// cost follows the number of values: loading is a gunzip and a parse (see bench/hosts), and a
// place's row is split only when a lookup reaches it.
import { encodePlaceKeys } from './normalize-name.ts';

export const GAZETTEER_VERSION = 1;

export const gazetteerCountries = ['FR', 'BE', 'CH', 'CA'] as const;
export type GazetteerCountry = (typeof gazetteerCountries)[number];

/**
 * How the coordinates of a place were obtained, from the most to the least exact:
 * - `place`: the place's own centre, from GeoNames (a populated place of that commune);
 * - `parent`: the centre of the commune it belongs to (a Paris arrondissement, a former commune
 *   merged into a new one), because GeoNames has no point of its own for it;
 * - `postcode`: the centroid of the communes that share its postcode and have a point;
 * - `nearby`: the centroid of placed communes whose postcodes begin with the same digits
 *   (small villages GeoNames does not list). Good to a few tens of kilometres.
 */
export const precisions = ['place', 'parent', 'postcode', 'nearby'] as const;
export type Precision = (typeof precisions)[number];

export interface GazetteerPlace {
  country: GazetteerCountry;
  /** INSEE code for French communes, GeoNames id elsewhere. */
  code: string;
  name: string;
  /** Département (FR), canton (CH), region (BE) or province (CA): tells homonyms apart. */
  admin: string;
  lat: number;
  lon: number;
  population: number;
  precision: Precision;
  postcodes: string[];
  /** Other names the place is known by (Bruxelles/Brussel/Brussels, Genève/Genf). */
  otherNames: string[];
  /** Merged-away communes and arrondissements are found by name but not listed by postcode. */
  partOf?: string;
}

export interface GazetteerHeader {
  version: number;
  builtFrom: string;
  attribution: string;
}

export interface GazetteerFile {
  format: 'baluchon-gazetteer';
  version: number;
  builtFrom: string;
  attribution: string;
  /**
   * One row per place: country, code, name, admin, lat × 10⁴, lon × 10⁴, population,
   * precision, postcodes (;), other names (|), partOf — tab-separated.
   */
  rows: string[];
  index: GazetteerIndex;
}

/**
 * Name entries are packed in one number: `place index × NAME_SLOTS + slot`, slot 0 for the
 * place's own name (with or without its article), slot n for its n-th other name.
 */
export const NAME_SLOTS = 1024;

/**
 * A sorted multimap in three flat arrays (flat arrays of strings and numbers are what JSON.parse
 * builds fastest): the values of `keys[i]` are `values[starts[i]]` up to `values[starts[i + 1]]`.
 */
export interface FlatMultimap {
  keys: string[];
  starts: number[];
  values: number[];
}

export interface GazetteerIndex {
  /** Name key (normalize-name.ts) → entries, most populous place first. */
  names: FlatMultimap;
  /** French postcode → indexes of the communes or arrondissements it serves. */
  postcodes: FlatMultimap;
}

function flatten(map: ReadonlyMap<string, readonly number[]>): FlatMultimap {
  const keys = [...map.keys()].sort();
  const starts = [0];
  const values: number[] = [];
  for (const key of keys) {
    values.push(...(map.get(key) ?? []));
    starts.push(values.length);
  }
  return { keys, starts, values };
}

/** The values of a key (binary search over the sorted keys); empty when absent. */
export function lookup(map: FlatMultimap, key: string): number[] {
  let low = 0;
  let high = map.keys.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = map.keys[middle] ?? '';
    if (found === key) {
      return map.values.slice(map.starts[middle] ?? 0, map.starts[middle + 1] ?? 0);
    }
    if (found < key) low = middle + 1;
    else high = middle - 1;
  }
  return [];
}

/** Builds the lookup indexes (at build time, and for gazetteers made in memory by tests). */
export function buildIndex(places: readonly GazetteerPlace[]): GazetteerIndex {
  const names = new Map<string, number[]>();
  const add = (key: string, entry: number): void => {
    const list = names.get(key);
    if (list === undefined) names.set(key, [entry]);
    else if (
      !list.some((other) => Math.floor(other / NAME_SLOTS) === Math.floor(entry / NAME_SLOTS))
    ) {
      list.push(entry);
    }
  };
  // Communes split into arrondissements (Paris, Lyon, Marseille) are served by the
  // arrondissements' postcodes; counting the whole city too would pull every centroid to it.
  const split = new Set<string>();
  for (const place of places) {
    if (place.partOf !== undefined && place.postcodes.length > 0) split.add(place.partOf);
  }
  const postcodes = new Map<string, number[]>();
  places.forEach((place, i) => {
    const keys = encodePlaceKeys(place.name, place.otherNames).split('|');
    for (let slot = 0; slot < keys.length && slot < NAME_SLOTS; slot++) {
      const key = keys[slot] ?? '';
      if (key.startsWith('~')) add(key.slice(1), i * NAME_SLOTS);
      else if (key !== '') add(key, i * NAME_SLOTS + slot);
    }
    if (place.country !== 'FR' || split.has(place.code)) return;
    for (const postcode of place.postcodes) {
      const list = postcodes.get(postcode);
      if (list === undefined) postcodes.set(postcode, [i]);
      else list.push(i);
    }
  });
  const population = (entry: number): number =>
    places[Math.floor(entry / NAME_SLOTS)]?.population ?? 0;
  for (const list of names.values()) {
    // Homonyms: the most populous first ("havre" is Le Havre before Havré in Hainaut); a
    // place's own name before another place's other name when they are as big.
    list.sort((a, b) => population(b) - population(a) || (a % NAME_SLOTS) - (b % NAME_SLOTS));
  }
  return { names: flatten(names), postcodes: flatten(postcodes) };
}

const clean = (text: string): string => text.replace(/[\t\n\r]/g, ' ');

export function formatRow(place: GazetteerPlace): string {
  return [
    place.country,
    place.code,
    clean(place.name),
    place.admin,
    String(Math.round(place.lat * 1e4)),
    String(Math.round(place.lon * 1e4)),
    String(place.population),
    place.precision,
    place.postcodes.join(';'),
    place.otherNames.map((name) => clean(name).replace(/\|/g, ' ')).join('|'),
    place.partOf ?? '',
  ].join('\t');
}

export function parseRow(row: string): GazetteerPlace {
  const f = row.split('\t');
  const country = f[0] as GazetteerCountry;
  const precision = f[7] as Precision;
  if (f.length !== 11 || !gazetteerCountries.includes(country) || !precisions.includes(precision)) {
    throw new GazetteerFormatError('a place of the gazetteer is not valid');
  }
  const partOf = f[10] ?? '';
  return {
    country,
    code: f[1] ?? '',
    name: f[2] ?? '',
    admin: f[3] ?? '',
    lat: Number(f[4]) / 1e4,
    lon: Number(f[5]) / 1e4,
    population: Number(f[6]),
    precision,
    postcodes: f[8] ? f[8].split(';') : [],
    otherNames: f[9] ? f[9].split('|') : [],
    ...(partOf === '' ? {} : { partOf }),
  };
}

export function formatGazetteer(
  header: GazetteerHeader,
  places: readonly GazetteerPlace[],
): string {
  const file: GazetteerFile = {
    format: 'baluchon-gazetteer',
    version: header.version,
    builtFrom: header.builtFrom,
    attribution: header.attribution,
    rows: places.map(formatRow),
    index: buildIndex(places),
  };
  return `${JSON.stringify(file)}\n`;
}

export class GazetteerFormatError extends Error {
  override readonly name = 'GazetteerFormatError';
}

function isFlat(map: FlatMultimap | undefined): map is FlatMultimap {
  return (
    map !== undefined &&
    Array.isArray(map.keys) &&
    Array.isArray(map.values) &&
    Array.isArray(map.starts) &&
    map.starts.length === map.keys.length + 1
  );
}

/** Checks the file's shape; places are read from the columns on demand (see gazetteer.ts). */
/** Checks the file's shape; rows are split on demand (see gazetteer.ts). */
export function parseGazetteer(text: string): {
  header: GazetteerHeader;
  rows: string[];
  index: GazetteerIndex;
} {
  const file = JSON.parse(text) as Partial<GazetteerFile>;
  if (
    file.format !== 'baluchon-gazetteer' ||
    file.version !== GAZETTEER_VERSION ||
    !Array.isArray(file.rows) ||
    !isFlat(file.index?.names) ||
    !isFlat(file.index.postcodes)
  ) {
    throw new GazetteerFormatError(`not a version ${GAZETTEER_VERSION} gazetteer`);
  }
  const size = file.rows.length;
  const inRange = (values: number[]): boolean => values.every((v) => Number.isInteger(v) && v >= 0);
  if (
    !inRange(file.index.postcodes.values) ||
    file.index.postcodes.values.some((v) => v >= size) ||
    file.index.names.values.some((v) => !Number.isInteger(v) || v < 0 || v >= size * NAME_SLOTS)
  ) {
    throw new GazetteerFormatError('the gazetteer index points outside its places');
  }
  return {
    header: {
      version: file.version,
      builtFrom: file.builtFrom ?? '',
      attribution: file.attribution ?? '',
    },
    rows: file.rows,
    index: file.index,
  };
}
