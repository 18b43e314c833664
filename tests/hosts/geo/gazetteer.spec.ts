import { beforeAll, describe, expect, it } from 'vitest';
import { describePlace, geocode, loadGazetteer } from '../../../src/hosts/geo/gazetteer.ts';
import type { Gazetteer } from '../../../src/hosts/geo/gazetteer.ts';
import { distanceKm } from '../../../src/hosts/geo/distance.ts';

// Against the gazetteer the app ships. Expected points are the towns' well-known centres;
// the tolerance is what "the centre of the commune" can honestly mean.
let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = loadGazetteer();
});

interface Case {
  query: string;
  name: string;
  country: string;
  admin?: string;
  near: [number, number];
  withinKm: number;
  precision?: string;
}

const cases: Case[] = [
  {
    query: '75001',
    name: 'Paris 1er Arrondissement',
    country: 'FR',
    near: [48.86, 2.34],
    withinKm: 5,
    precision: 'parent',
  },
  {
    query: '75116',
    name: 'Paris 16e Arrondissement',
    country: 'FR',
    near: [48.86, 2.34],
    withinKm: 8,
  },
  {
    query: '13001',
    name: 'Marseille 1er Arrondissement',
    country: 'FR',
    near: [43.3, 5.38],
    withinKm: 3,
    precision: 'place',
  },
  {
    query: '69007',
    name: 'Lyon 7e Arrondissement',
    country: 'FR',
    near: [45.745, 4.84],
    withinKm: 3,
  },
  { query: '20000', name: 'Ajaccio', country: 'FR', admin: '2A', near: [41.92, 8.74], withinKm: 3 },
  {
    query: '20000 Ajaccio',
    name: 'Ajaccio',
    country: 'FR',
    admin: '2A',
    near: [41.92, 8.74],
    withinKm: 3,
  },
  {
    query: '20200 Bastia',
    name: 'Bastia',
    country: 'FR',
    admin: '2B',
    near: [42.7, 9.45],
    withinKm: 3,
  },
  {
    query: '97400',
    name: 'Saint-Denis',
    country: 'FR',
    admin: '974',
    near: [-20.88, 55.45],
    withinKm: 5,
  },
  {
    query: '97400 Saint-Denis',
    name: 'Saint-Denis',
    country: 'FR',
    admin: '974',
    near: [-20.88, 55.45],
    withinKm: 5,
  },
  {
    query: '75 001',
    name: 'Paris 1er Arrondissement',
    country: 'FR',
    near: [48.86, 2.34],
    withinKm: 5,
  },
  { query: '1000 Bruxelles', name: 'Bruxelles', country: 'BE', near: [50.85, 4.35], withinKm: 3 },
  { query: '4000 Liège', name: 'Liège', country: 'BE', near: [50.63, 5.57], withinKm: 3 },
  { query: '1200 Genève', name: 'Genève', country: 'CH', near: [46.2, 6.15], withinKm: 3 },
  { query: '8001 Zürich', name: 'Zürich', country: 'CH', near: [47.37, 8.54], withinKm: 3 },
  { query: 'Zurich 8001', name: 'Zürich', country: 'CH', near: [47.37, 8.54], withinKm: 3 },
  {
    query: 'st etienne',
    name: 'Saint-Étienne',
    country: 'FR',
    admin: '42',
    near: [45.43, 4.39],
    withinKm: 3,
  },
  {
    query: 'Saint-Étienne',
    name: 'Saint-Étienne',
    country: 'FR',
    admin: '42',
    near: [45.43, 4.39],
    withinKm: 3,
  },
  {
    query: 'SAINT ETIENNE',
    name: 'Saint-Étienne',
    country: 'FR',
    admin: '42',
    near: [45.43, 4.39],
    withinKm: 3,
  },
  {
    query: 'le havre',
    name: 'Le Havre',
    country: 'FR',
    admin: '76',
    near: [49.49, 0.11],
    withinKm: 3,
  },
  {
    query: 'havre',
    name: 'Le Havre',
    country: 'FR',
    admin: '76',
    near: [49.49, 0.11],
    withinKm: 3,
  },
  {
    query: "Les Sables-d'Olonne",
    name: "Les Sables-d'Olonne",
    country: 'FR',
    near: [46.5, -1.78],
    withinKm: 3,
  },
  {
    query: 'les sables d’olonne',
    name: "Les Sables-d'Olonne",
    country: 'FR',
    near: [46.5, -1.78],
    withinKm: 3,
  },
  {
    query: 'sables dolonne',
    name: "Les Sables-d'Olonne",
    country: 'FR',
    near: [46.5, -1.78],
    withinKm: 3,
  },
  {
    query: 'Montréal',
    name: 'Montréal',
    country: 'CA',
    admin: 'QC',
    near: [45.5, -73.57],
    withinKm: 5,
  },
  {
    query: 'montreal',
    name: 'Montréal',
    country: 'CA',
    admin: 'QC',
    near: [45.5, -73.57],
    withinKm: 5,
  },
  {
    query: 'Québec',
    name: 'Québec',
    country: 'CA',
    admin: 'QC',
    near: [46.81, -71.21],
    withinKm: 5,
  },
  {
    query: 'Trois-Rivières',
    name: 'Trois-Rivières',
    country: 'CA',
    admin: 'QC',
    near: [46.35, -72.55],
    withinKm: 5,
  },
  { query: 'Bruxelles', name: 'Bruxelles', country: 'BE', near: [50.85, 4.35], withinKm: 3 },
  { query: 'Brussel', name: 'Brussel', country: 'BE', near: [50.85, 4.35], withinKm: 3 },
  { query: 'Genf', name: 'Genf', country: 'CH', near: [46.2, 6.15], withinKm: 3 },
  {
    query: 'Ste-Foy-lès-Lyon',
    name: 'Sainte-Foy-lès-Lyon',
    country: 'FR',
    admin: '69',
    near: [45.73, 4.8],
    withinKm: 3,
  },
];

describe('geocode', () => {
  it.each(cases)('$query → $name ($country)', (c) => {
    const result = geocode(gazetteer, c.query);
    if (!result.ok) throw new Error(`not found: ${JSON.stringify(result)}`);
    expect(result.place.name).toBe(c.name);
    expect(result.place.country).toBe(c.country);
    if (c.admin !== undefined) expect(result.place.admin).toBe(c.admin);
    if (c.precision !== undefined) expect(result.place.precision).toBe(c.precision);
    const km = distanceKm(result.place, { lat: c.near[0], lon: c.near[1] });
    expect(km).toBeLessThan(c.withinKm);
  });

  it('places a postcode several communes share at their centroid, and names them', () => {
    const result = geocode(gazetteer, '20200');
    if (!result.ok) throw new Error('20200 not found');
    expect(result.place.precision).toBe('postcode-centroid');
    expect(result.place.sharedBy).toContain('Bastia');
    expect(result.place.sharedBy.length).toBeGreaterThan(1);
    expect(result.place.postcode).toBe('20200');
  });

  it('chooses the most populous "Saint-Denis" and lists the others so the choice can be explained', () => {
    const result = geocode(gazetteer, 'Saint-Denis');
    if (!result.ok) throw new Error('Saint-Denis not found');
    expect(describePlace(result.place)).toBe('Saint-Denis (974)');
    expect(result.place.homonyms.map(describePlace)).toContain('Saint-Denis (93)');
  });

  it('tells the two Saint-Denis apart by postcode', () => {
    const result = geocode(gazetteer, '93200 Saint-Denis');
    if (!result.ok) throw new Error('93200 not found');
    expect(describePlace(result.place)).toBe('Saint-Denis (93)');
  });

  it('takes back its own labels, so a suggestion chosen from the list is found', () => {
    const suggested = geocode(gazetteer, 'Saint-Etiene');
    if (suggested.ok) throw new Error('the misspelling was found');
    const chosen = suggested.suggestions[0] ?? '';
    const result = geocode(gazetteer, chosen);
    expect(result.ok && describePlace(result.place)).toBe('Saint-Étienne (42)');
    const denis = geocode(gazetteer, 'Saint-Denis (93)');
    expect(denis.ok && describePlace(denis.place)).toBe('Saint-Denis (93)');
    const liege = geocode(gazetteer, 'Liège (BE)');
    expect(liege.ok && liege.place.country).toBe('BE');
  });

  it('reads postcodes written as on a letter from abroad, within the country they name', () => {
    const label = (query: string): string | false => {
      const result = geocode(gazetteer, query);
      return result.ok && describePlace(result.place);
    };
    expect(label('CH-1200 Genève')).toBe('Genève (CH)');
    expect(label('b-4000 Liège')).toBe('Liège (BE)');
    expect(label('F-69007 Lyon')).toBe(label('69007 Lyon'));
    expect(label('H2X 1Y4 Montréal')).toBe('Montréal (CA)');
    expect(label('Montréal H2X1Y4')).toBe('Montréal (CA)');
    // Genève is not in Belgium: the country written wins, and the answer says it is not found.
    const wrongCountry = geocode(gazetteer, 'B-1200 Genève');
    expect(wrongCountry.ok).toBe(false);
    const bare = geocode(gazetteer, 'CH-1200');
    expect(!bare.ok && bare.reason).toBe('postcode-not-covered');
  });

  it('places a village GeoNames does not list, and says it is approximate', () => {
    // Every commune of the COG is found; those without a GeoNames point are never called exact.
    const approximate = [...Array(gazetteer.size).keys()]
      .map((i) => gazetteer.place(i))
      .find((place) => place.precision === 'postcode');
    if (approximate === undefined) throw new Error('no approximate commune');
    const result = geocode(gazetteer, `${approximate.postcodes[0] ?? ''} ${approximate.name}`);
    expect(result.ok && result.place.precision).toBe('postcode');
  });

  it('answers an unknown town with close spellings, not an exception', () => {
    const result = geocode(gazetteer, 'Saint-Etiene');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('unknown-place');
    expect(result.suggestions[0]).toBe('Saint-Étienne (42)');
  });

  it('answers an unknown postcode with the nearest existing ones', () => {
    const result = geocode(gazetteer, '75000');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('unknown-postcode');
    expect(result.suggestions[0]).toMatch(/^75001 /);
  });

  it.each(['1200', '8001', 'H2X 1Y4'])(
    'says a bare Belgian, Swiss or Canadian postcode (%s) is not covered',
    (query) => {
      const result = geocode(gazetteer, query);
      expect(result).toMatchObject({ ok: false, reason: 'postcode-not-covered' });
    },
  );

  it.each(['', '   ', '!!!', '\u0000'])('treats %j as empty', (query) => {
    expect(geocode(gazetteer, query)).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('never throws on arbitrary text', () => {
    for (const query of ['a'.repeat(5000), '𝔭𝔞𝔯𝔦𝔰', '12345678', 'Paris; DROP TABLE', '((((']) {
      expect(() => geocode(gazetteer, query)).not.toThrow();
    }
  });

  it('places every postcode where its territory is, never in the wrong ocean', () => {
    // Rough boxes: metropolitan France with Corsica, and the overseas départements.
    const boxes: [RegExp, [number, number, number, number]][] = [
      [/^(0|[1-8]|9[0-5])/, [41.3, 51.2, -5.2, 9.6]],
      [/^971/, [15.8, 18.2, -63.2, -61.0]],
      [/^972/, [14.3, 14.9, -61.3, -60.8]],
      [/^973/, [2.0, 6.0, -54.7, -51.5]],
      [/^974/, [-21.5, -20.8, 55.2, 55.9]],
      [/^976/, [-13.1, -12.6, 44.9, 45.4]],
    ];
    let checked = 0;
    for (const postcode of gazetteer.postcodes()) {
      const result = geocode(gazetteer, postcode);
      if (!result.ok) throw new Error(`${postcode} not found`);
      const box = boxes.find(([pattern]) => pattern.test(postcode))?.[1];
      if (box === undefined) continue;
      const [south, north, west, east] = box;
      const { lat, lon } = result.place;
      expect(
        lat >= south && lat <= north && lon >= west && lon <= east,
        `${postcode} at ${lat},${lon}`,
      ).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(6000);
  });
});
