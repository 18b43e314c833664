import { describe, expect, it } from 'vitest';
import { buildGazetteer, parseGeoNamesLine } from '../../../src/hosts/geo/build-gazetteer.ts';
import type { CogCommune, GeoNamesPlace } from '../../../src/hosts/geo/build-gazetteer.ts';
import {
  GAZETTEER_VERSION,
  GazetteerFormatError,
  formatGazetteer,
  parseGazetteer,
  parseRow,
} from '../../../src/hosts/geo/gazetteer-format.ts';
import { gazetteerOf, geocode } from '../../../src/hosts/geo/gazetteer.ts';

const point = (overrides: Partial<GeoNamesPlace>): GeoNamesPlace => ({
  id: '1',
  name: 'X',
  altNames: [],
  lat: 0,
  lon: 0,
  featureClass: 'P',
  featureCode: 'PPL',
  country: 'FR',
  admin1: '',
  admin2: '',
  admin4: '',
  population: 0,
  ...overrides,
});

const communes: CogCommune[] = [
  {
    code: '99001',
    nom: 'Grandville',
    type: 'commune-actuelle',
    departement: '99',
    codesPostaux: ['99100'],
    population: 5000,
  },
  {
    code: '99002',
    nom: 'Petitbourg',
    type: 'commune-actuelle',
    departement: '99',
    codesPostaux: ['99100'],
    population: 80,
  },
  {
    code: '99003',
    nom: 'Hameauville',
    type: 'commune-actuelle',
    departement: '99',
    codesPostaux: ['99170'],
    population: 40,
  },
  {
    code: '99004',
    nom: 'Ancienne',
    type: 'commune-deleguee',
    departement: '99',
    chefLieu: '99001',
  },
  {
    code: '99005',
    nom: 'Voisine',
    type: 'commune-actuelle',
    departement: '99',
    codesPostaux: ['99150'],
    population: 900,
  },
];
const geonames = [
  point({ id: '10', name: 'Grandville', admin4: '99001', lat: 45, lon: 5, population: 5000 }),
  // GeoNames sometimes files a neighbour under the wrong commune: it must not become its centre.
  point({ id: '11', name: 'Autre-Lieu', admin4: '99005', lat: 40, lon: 1, population: 700 }),
  point({ id: '12', name: 'Voisine', admin4: '99005', lat: 45.2, lon: 5.2, population: 900 }),
  point({
    id: '20',
    name: 'Brussels',
    altNames: ['Bruxelles', 'Brussel', 'BRU', 'Брюссель'],
    country: 'BE',
    admin1: 'BRU',
    lat: 50.85,
    lon: 4.35,
    population: 1_000_000,
  }),
  point({ id: '30', name: 'Toronto', country: 'CA', admin1: '08', lat: 43.7, lon: -79.4 }),
  point({ id: '31', name: 'Gatineau', country: 'CA', admin1: '10', lat: 45.48, lon: -75.7 }),
  point({ id: '40', name: 'Old Town', country: 'CH', featureCode: 'PPLH' }),
];

describe('buildGazetteer', () => {
  const places = buildGazetteer(communes, geonames);
  const byName = new Map(places.map((place) => [place.name, place]));

  it('gives a commune GeoNames lists its own point', () => {
    expect(byName.get('Grandville')).toMatchObject({ lat: 45, lon: 5, precision: 'place' });
    expect(byName.get('Voisine')).toMatchObject({ lat: 45.2, lon: 5.2, precision: 'place' });
  });

  it('places a village GeoNames does not list at its postcode, and says so', () => {
    expect(byName.get('Petitbourg')).toMatchObject({ lat: 45, lon: 5, precision: 'postcode' });
  });

  it('falls back on postcodes sharing the first digits, and says so', () => {
    // 99170 has no placed commune: 9917 neither, then 991 → Grandville (99100) and Voisine (99150).
    expect(byName.get('Hameauville')).toMatchObject({ lat: 45.1, lon: 5.1, precision: 'nearby' });
  });

  it('places a merged-away commune at its new commune, findable by name but not by postcode', () => {
    expect(byName.get('Ancienne')).toMatchObject({
      precision: 'parent',
      postcodes: [],
      partOf: '99001',
    });
  });

  it('keeps Belgian, Swiss and Québec places, with their Latin-script other names only', () => {
    expect(byName.get('Brussels')?.otherNames).toEqual(['Bruxelles', 'Brussel']);
    expect(byName.has('Gatineau')).toBe(true);
    expect(byName.has('Toronto')).toBe(false);
    expect(byName.has('Old Town')).toBe(false);
  });

  it('round-trips through the file format and answers postcodes with the communes they serve', () => {
    const gazetteer = gazetteerOf(places);
    const result = geocode(gazetteer, '99100');
    expect(result.ok && result.place.sharedBy).toEqual(['Grandville', 'Petitbourg']);
    expect(geocode(gazetteer, 'bruxelles')).toMatchObject({
      ok: true,
      place: { name: 'Bruxelles' },
    });
  });
});

describe('parseGeoNamesLine', () => {
  it('reads the columns of a cities500 line', () => {
    const line =
      '2992166\tMontpellier\tMontpellier\tMompelhièr,Montpelhièr\t43.61093\t3.87635\tP\tPPLA\tFR\t\t76\t34\t343\t34172\t299096\t\t\tEurope/Paris\t2024-01-01';
    expect(parseGeoNamesLine(line)).toMatchObject({
      name: 'Montpellier',
      altNames: ['Mompelhièr', 'Montpelhièr'],
      lat: 43.61093,
      admin4: '34172',
      population: 299096,
    });
  });

  it('skips a truncated line', () => {
    expect(parseGeoNamesLine('1\tOnly')).toBeUndefined();
  });
});

describe('buildGazetteer and merged communes', () => {
  it('does not list twice a delegated commune that has the name and code of its commune', () => {
    const merged: CogCommune[] = [
      {
        code: '93066',
        nom: 'Saint-Denis',
        type: 'commune-actuelle',
        departement: '93',
        codesPostaux: ['93200'],
        population: 149077,
      },
      {
        code: '93066',
        nom: 'Saint-Denis',
        type: 'commune-deleguee',
        departement: '93',
        chefLieu: '93066',
      },
      {
        code: '93059',
        nom: 'Pierrefitte-sur-Seine',
        type: 'commune-deleguee',
        departement: '93',
        chefLieu: '93066',
      },
    ];
    const places = buildGazetteer(merged, [
      point({ name: 'Saint-Denis', admin4: '93066', lat: 48.93, lon: 2.35, population: 149077 }),
    ]);
    expect(places.map((place) => `${place.name}:${place.precision}`)).toEqual([
      'Saint-Denis:place',
      'Pierrefitte-sur-Seine:parent',
    ]);
  });
});

describe('buildGazetteer overseas', () => {
  const overseas: CogCommune[] = [
    {
      code: '97611',
      nom: 'Mamoudzou',
      type: 'commune-actuelle',
      departement: '976',
      codesPostaux: ['97600'],
      population: 71437,
    },
    {
      code: '97612',
      nom: 'Petite-Île',
      type: 'commune-actuelle',
      departement: '976',
      codesPostaux: ['97625'],
      population: 100,
    },
    {
      code: '97701',
      nom: 'Saint-Barthélemy',
      type: 'commune-actuelle',
      departement: '977',
      codesPostaux: ['97133'],
      population: 10660,
    },
    {
      code: '97411',
      nom: 'Saint-Denis',
      type: 'commune-actuelle',
      departement: '974',
      codesPostaux: ['97400'],
      population: 155634,
    },
  ];
  const places = buildGazetteer(overseas, [
    // GeoNames files Mayotte under YT, without INSEE codes.
    point({ name: 'Mamoudzou', country: 'YT', lat: -12.78, lon: 45.23, population: 71437 }),
    point({ name: 'Saint-Denis', country: 'RE', admin4: '97411', lat: -20.88, lon: 55.45 }),
    point({ name: 'Gustavia', country: 'BL', lat: 17.9, lon: -62.85 }),
  ]);
  const byName = new Map(places.map((place) => [place.name, place]));

  it('finds a place GeoNames gave no INSEE code to, by name within its territory', () => {
    expect(byName.get('Mamoudzou')).toMatchObject({ lat: -12.78, lon: 45.23, precision: 'place' });
  });

  it('approximates only within the same territory', () => {
    expect(byName.get('Petite-Île')).toMatchObject({ lat: -12.78, precision: 'nearby' });
  });

  it('places a one-commune island at the places GeoNames lists on it, as approximate', () => {
    expect(byName.get('Saint-Barthélemy')).toMatchObject({ lat: 17.9, precision: 'nearby' });
  });

  it('leaves out a commune it cannot place honestly, rather than put it in another ocean', () => {
    const lonely = buildGazetteer(
      [
        {
          code: '98901',
          nom: 'Île de Clipperton',
          type: 'commune-actuelle',
          departement: '989',
          codesPostaux: ['98799'],
        },
      ],
      [point({ name: 'Paris', admin4: '75056', lat: 48.85, lon: 2.35 })],
    );
    expect(lonely).toEqual([]);
  });
});

describe('the gazetteer file', () => {
  it('refuses a file of another format or version', () => {
    expect(() => parseGazetteer('{"format":"baluchon-gazetteer","version":99}')).toThrow(
      GazetteerFormatError,
    );
    expect(() => parseGazetteer('[]')).toThrow(GazetteerFormatError);
  });

  it('refuses an index that points outside its places', () => {
    const text = formatGazetteer(
      { version: GAZETTEER_VERSION, builtFrom: 'test', attribution: '' },
      buildGazetteer(communes, geonames),
    );
    const file = JSON.parse(text) as { index: { postcodes: { values: number[] } } };
    file.index.postcodes.values[0] = 1_000_000;
    expect(() => parseGazetteer(JSON.stringify(file))).toThrow(GazetteerFormatError);
  });

  it('refuses a damaged row when a lookup reaches it, with a format error', () => {
    const gazetteer = gazetteerOf(buildGazetteer(communes, geonames));
    expect(gazetteer.place(0).name).toBe('Grandville');
    expect(() => parseRow('FR\tonly three')).toThrow(GazetteerFormatError);
  });
});
