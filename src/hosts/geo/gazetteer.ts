// Offline geocoding: a postcode or a town name → a point, with how exact it is and, when the
// answer had to be chosen among homonyms, the others. Never throws on what a person typed: an
// unknown place is an answer (`ok: false`) with the closest spellings.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type {
  GazetteerCountry,
  GazetteerHeader,
  GazetteerIndex,
  GazetteerPlace,
  Precision,
} from './gazetteer-format.ts';
import {
  GAZETTEER_VERSION,
  NAME_SLOTS,
  formatGazetteer,
  lookup,
  parseGazetteer,
  parseRow,
} from './gazetteer-format.ts';
import { boundedEditDistance } from './edit-distance.ts';
import { nameKey } from './normalize-name.ts';

export const gazetteerPath = new URL('../data/gazetteer.json.gz', import.meta.url);

/** A name entry: `place index × NAME_SLOTS + slot` (see gazetteer-format.ts). */
type Entry = number;

export interface Gazetteer {
  readonly header: GazetteerHeader;
  readonly size: number;
  place(index: number): GazetteerPlace;
  /** Entries filed under a name key, most populous place first. */
  named(key: string): readonly Entry[];
  /** Indexes of the communes a French postcode serves. */
  served(postcode: string): readonly number[];
  postcodes(): readonly string[];
  /**
   * Name keys of a given length whose first letter (position 0) or second letter (position 1)
   * is the one given, for suggestions (grouped on first use).
   */
  keysLike(length: number, position: 0 | 1, letter: string): readonly string[];
}

export function createGazetteer(
  header: GazetteerHeader,
  rows: readonly string[],
  index: GazetteerIndex,
): Gazetteer {
  const size = rows.length;
  const cache = new Map<number, GazetteerPlace>();
  const place = (i: number): GazetteerPlace => {
    let found = cache.get(i);
    if (found === undefined) {
      found = parseRow(rows[i] ?? '');
      cache.set(i, found);
    }
    return found;
  };
  let groups: Map<string, string[]> | undefined;
  return {
    header,
    size,
    place,
    named: (key) => lookup(index.names, key),
    served: (postcode) => lookup(index.postcodes, postcode),
    postcodes: () => index.postcodes.keys,
    keysLike: (length, position, letter) => {
      if (groups === undefined) {
        groups = new Map();
        for (const key of index.names.keys) {
          for (const at of [0, 1] as const) {
            const group = `${key.length}:${at}:${key[at] ?? ''}`;
            const list = groups.get(group);
            if (list === undefined) groups.set(group, [key]);
            else list.push(key);
          }
        }
      }
      return groups.get(`${length}:${position}:${letter}`) ?? [];
    },
  };
}

/** Reads the gazetteer shipped with the app (or another file in the same format). */
export function loadGazetteer(path: URL | string = gazetteerPath): Gazetteer {
  const { header, rows, index } = parseGazetteer(gunzipSync(readFileSync(path)).toString('utf8'));
  return createGazetteer(header, rows, index);
}

/** A gazetteer of a few places built in memory, through the file format (tests, benchmarks). */
export function gazetteerOf(places: readonly GazetteerPlace[]): Gazetteer {
  const header = { version: GAZETTEER_VERSION, builtFrom: 'memory', attribution: '' };
  const parsed = parseGazetteer(formatGazetteer(header, places));
  return createGazetteer(parsed.header, parsed.rows, parsed.index);
}

const entryPlace = (gazetteer: Gazetteer, entry: Entry): GazetteerPlace =>
  gazetteer.place(Math.floor(entry / NAME_SLOTS));

const entrySpelling = (gazetteer: Gazetteer, entry: Entry): string => {
  const place = entryPlace(gazetteer, entry);
  const slot = entry % NAME_SLOTS;
  return slot === 0 ? place.name : (place.otherNames[slot - 1] ?? place.name);
};

export interface PlaceSummary {
  name: string;
  country: GazetteerCountry;
  /** Département, canton, region or province, to tell homonyms apart. */
  admin: string;
}

export interface FoundPlace extends PlaceSummary {
  lat: number;
  lon: number;
  /**
   * How exact the point is: the precision of the place, or `postcode-centroid` when a postcode
   * serves several communes and the point is their centroid.
   */
  precision: Precision | 'postcode-centroid';
  /** The postcode asked for, if any. */
  postcode?: string;
  /** The communes a postcode serves, when there are several. */
  sharedBy: string[];
  /** Other places with the same name, when one had to be chosen (the most populous wins). */
  homonyms: PlaceSummary[];
}

export type GeocodeFailure =
  | 'empty'
  | 'unknown-postcode'
  /** A Belgian, Swiss or Canadian postcode: the app has no offline table for them (yet). */
  | 'postcode-not-covered'
  | 'unknown-place';

export type GeocodeResult =
  | { ok: true; place: FoundPlace }
  | { ok: false; reason: GeocodeFailure; query: string; suggestions: string[] };

const summary = (place: GazetteerPlace, spelling = place.name): PlaceSummary => ({
  name: spelling,
  country: place.country,
  admin: place.admin,
});

function fromPlace(place: GazetteerPlace, spelling: string, homonyms: PlaceSummary[]): FoundPlace {
  return {
    ...summary(place, spelling),
    lat: place.lat,
    lon: place.lon,
    precision: place.precision,
    sharedBy: [],
    homonyms,
  };
}

function fromPostcode(postcode: string, places: readonly GazetteerPlace[]): FoundPlace {
  const [first] = places;
  if (first === undefined) throw new Error('fromPostcode needs at least one place');
  if (places.length === 1) {
    return { ...fromPlace(first, first.name, []), postcode };
  }
  const lat = places.reduce((sum, place) => sum + place.lat, 0) / places.length;
  const lon = places.reduce((sum, place) => sum + place.lon, 0) / places.length;
  const largest = [...places].sort((a, b) => b.population - a.population)[0] ?? first;
  return {
    ...summary(largest),
    lat,
    lon,
    precision: 'postcode-centroid',
    postcode,
    sharedBy: places.map((place) => place.name),
    homonyms: [],
  };
}

const FRENCH_POSTCODE = /^\d{5}$/;
const FOUR_DIGITS = /^\d{4}$/;
/** "H2X 1Y4"; alone, its first half "H2X" (a district) is a postcode too. */
const CANADIAN_CODE = '[a-z]\\d[a-z] ?\\d[a-z]\\d';
const CANADIAN_POSTCODE = new RegExp(`^${CANADIAN_CODE}$|^[a-z]\\d[a-z]$`, 'i');
const CANADIAN_BEFORE_NAME = new RegExp(`^${CANADIAN_CODE}[\\s,]+(.+)$`, 'i');
const CANADIAN_AFTER_NAME = new RegExp(`^(.+?)[\\s,]+${CANADIAN_CODE}$`, 'i');

/** "75 001" → "75001"; leaves anything else alone. */
function compactPostcode(text: string): string {
  return /^\d{2} \d{3}$/.test(text) ? text.replace(' ', '') : text;
}

/**
 * A postcode written the way letters abroad are addressed, which says the country: "CH-1200
 * Genève", "B-4000 Liège", or a Canadian one, "H2X 1Y4 Montréal". Without postcode tables for
 * these countries, the town's name decides within that country; `name` is empty when only the
 * postcode was given.
 */
function foreignPostcode(
  text: string,
): { countries: readonly GazetteerCountry[]; name: string } | undefined {
  const prefixed = /^(B|BE|CH)-\d{4}(?:[\s,]+(.+))?$/i.exec(text);
  if (prefixed?.[1] !== undefined) {
    const country = prefixed[1].toUpperCase() === 'CH' ? 'CH' : 'BE';
    return { countries: [country], name: prefixed[2] ?? '' };
  }
  const name = CANADIAN_BEFORE_NAME.exec(text)?.[1] ?? CANADIAN_AFTER_NAME.exec(text)?.[1];
  return name === undefined ? undefined : { countries: ['CA'], name };
}

/** Splits "20200 Bastia", "Bastia 20200", "Bastia (20200)" into postcode and name. */
function splitPostcode(text: string): { postcode: string; name: string } | undefined {
  const before = /^(\d{4,5})[\s,]+(.+)$/.exec(text);
  if (before?.[1] !== undefined && before[2] !== undefined) {
    return { postcode: before[1], name: before[2] };
  }
  const after = /^(.+?)[\s,]+\(?(\d{4,5})\)?$/.exec(text);
  if (after?.[1] !== undefined && after[2] !== undefined) {
    return { postcode: after[2], name: after[1] };
  }
  return undefined;
}

export interface GeocodeOptions {
  /** Only places of these countries (a 4-digit postcode with a name means Belgium or Switzerland). */
  countries?: readonly GazetteerCountry[];
}

export function geocode(
  gazetteer: Gazetteer,
  query: string,
  options: GeocodeOptions = {},
): GeocodeResult {
  // "F-69007 Lyon": the French way of writing a French postcode from abroad.
  const text = compactPostcode(
    query
      .normalize('NFC')
      .trim()
      .replace(/\s+/g, ' ')
      .replace(/^FR?-(?=\d{5}\b)/i, ''),
  );
  if (text === '') return { ok: false, reason: 'empty', query, suggestions: [] };

  if (FRENCH_POSTCODE.test(text)) {
    const places = gazetteer.served(text).map((i) => gazetteer.place(i));
    if (places.length > 0) return { ok: true, place: fromPostcode(text, places) };
    return {
      ok: false,
      reason: 'unknown-postcode',
      query,
      suggestions: nearPostcodes(gazetteer, text),
    };
  }
  if (FOUR_DIGITS.test(text) || CANADIAN_POSTCODE.test(text)) {
    return { ok: false, reason: 'postcode-not-covered', query, suggestions: [] };
  }

  const foreign = foreignPostcode(text);
  if (foreign !== undefined) {
    if (foreign.name === '') {
      return { ok: false, reason: 'postcode-not-covered', query, suggestions: [] };
    }
    return byName(gazetteer, foreign.name, query, {
      countries: options.countries ?? foreign.countries,
    });
  }

  const parts = splitPostcode(text);
  if (parts !== undefined) {
    const found = byPostcodeAndName(gazetteer, parts.postcode, parts.name, options);
    if (found !== undefined) return { ok: true, place: found };
  }
  // Our own labels, as suggestions show them: "Saint-Denis (93)", "Liège (BE)".
  const labelled = /^(.+?)\s*\(([^()]+)\)$/.exec(text);
  if (labelled?.[1] !== undefined && labelled[2] !== undefined) {
    const qualifier = labelled[2].trim().toUpperCase();
    const entry = gazetteer.named(nameKey(labelled[1])).find((candidate) => {
      const place = entryPlace(gazetteer, candidate);
      return place.country === 'FR'
        ? place.admin.toUpperCase() === qualifier
        : place.country === qualifier;
    });
    if (entry !== undefined) {
      return {
        ok: true,
        place: fromPlace(entryPlace(gazetteer, entry), entrySpelling(gazetteer, entry), []),
      };
    }
  }
  return byName(gazetteer, text, query, options);
}

function byPostcodeAndName(
  gazetteer: Gazetteer,
  postcode: string,
  name: string,
  options: GeocodeOptions,
): FoundPlace | undefined {
  if (postcode.length === 5) {
    const served = gazetteer.served(postcode).map((i) => gazetteer.place(i));
    const named = gazetteer
      .named(nameKey(name))
      .map((entry) => ({ place: entryPlace(gazetteer, entry), entry }))
      .find(
        ({ place }) =>
          place.country === 'FR' &&
          (served.includes(place) ||
            served.some((other) => other.code === place.partOf) ||
            place.postcodes.includes(postcode)),
      );
    if (named !== undefined) {
      // "69007 Lyon": the arrondissement that postcode serves, rather than the whole city.
      const part = served.find((other) => other.partOf === named.place.code);
      if (part !== undefined) return { ...fromPlace(part, part.name, []), postcode };
      return {
        ...fromPlace(named.place, entrySpelling(gazetteer, named.entry), []),
        postcode,
      };
    }
    if (served.length > 0) return fromPostcode(postcode, served);
    return undefined;
  }
  // Four digits: a Belgian or a Swiss postcode. Without a postcode table for them, the name
  // decides, among Belgian and Swiss places first.
  const result = byName(gazetteer, name, name, {
    countries: options.countries ?? ['BE', 'CH'],
  });
  return result.ok ? result.place : undefined;
}

function byName(
  gazetteer: Gazetteer,
  text: string,
  query: string,
  options: GeocodeOptions,
): GeocodeResult {
  const key = nameKey(text);
  if (key === '') return { ok: false, reason: 'empty', query, suggestions: [] };
  const allowed = (place: GazetteerPlace): boolean =>
    options.countries === undefined || options.countries.includes(place.country);
  const entries = gazetteer.named(key).filter((entry) => allowed(entryPlace(gazetteer, entry)));
  const [best, ...others] = entries;
  if (best !== undefined) {
    const homonyms = others
      .slice(0, 8)
      .map((entry) => summary(entryPlace(gazetteer, entry), entrySpelling(gazetteer, entry)));
    return {
      ok: true,
      place: fromPlace(entryPlace(gazetteer, best), entrySpelling(gazetteer, best), homonyms),
    };
  }
  return {
    ok: false,
    reason: 'unknown-place',
    query,
    suggestions: suggestNames(gazetteer, key, allowed),
  };
}

/** The closest spellings: within two typos (three for long names), most populous first. */
export function suggestNames(
  gazetteer: Gazetteer,
  key: string,
  allowed: (place: GazetteerPlace) => boolean = () => true,
  limit = 5,
): string[] {
  const max = key.length <= 4 ? 1 : key.length <= 12 ? 2 : 3;
  const found: { distance: number; place: GazetteerPlace; spelling: string }[] = [];
  for (let length = key.length - max; length <= key.length + max; length++) {
    // People rarely get both first letters wrong: only names sharing the first or the second
    // letter are compared, and those with the first two letters swapped.
    const seen = new Set<string>();
    const candidates = [
      ...gazetteer.keysLike(length, 0, key[0] ?? ''),
      ...gazetteer.keysLike(length, 1, key[1] ?? ''),
      ...gazetteer.keysLike(length, 0, key[1] ?? '').filter((c) => c[1] === key[0]),
    ];
    for (const candidate of candidates) {
      if (seen.has(candidate)) continue;
      seen.add(candidate);
      const distance = boundedEditDistance(key, candidate, max);
      if (distance > max) continue;
      const entry = gazetteer.named(candidate).find((e) => allowed(entryPlace(gazetteer, e)));
      if (entry !== undefined) {
        const place = entryPlace(gazetteer, entry);
        found.push({ distance, place, spelling: entrySpelling(gazetteer, entry) });
      }
    }
  }
  found.sort((a, b) => a.distance - b.distance || b.place.population - a.place.population);
  const names: string[] = [];
  for (const { place, spelling } of found) {
    const label = describePlace(summary(place, spelling));
    if (!names.includes(label)) names.push(label);
    if (names.length === limit) break;
  }
  return names;
}

/** Existing postcodes closest to an unknown one, in the same département. */
function nearPostcodes(gazetteer: Gazetteer, postcode: string, limit = 5): string[] {
  const prefix = postcode.slice(0, 2);
  const target = Number(postcode);
  return [...gazetteer.postcodes()]
    .filter((code) => code.startsWith(prefix))
    .sort((a, b) => Math.abs(Number(a) - target) - Math.abs(Number(b) - target))
    .slice(0, limit)
    .map((code) => {
      const names = gazetteer.served(code).map((i) => gazetteer.place(i).name);
      return `${code} ${names.slice(0, 2).join(', ')}${names.length > 2 ? '…' : ''}`;
    });
}

/** "Saint-Denis (974)", "Genève (CH)": a name people can tell apart from its homonyms. */
export function describePlace(place: PlaceSummary): string {
  if (place.country === 'FR')
    return place.admin === '' ? place.name : `${place.name} (${place.admin})`;
  return `${place.name} (${place.country})`;
}
