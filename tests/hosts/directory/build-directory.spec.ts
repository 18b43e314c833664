import { describe, expect, it } from 'vitest';
import {
  buildDirectory,
  priceOf,
  displayName,
  slug,
  softwareIdOf,
} from '../../../src/hosts/directory/build-directory.ts';
import type { GeocodeResult } from '../../../src/hosts/geo/gazetteer.ts';

const member = (overrides: Record<string, unknown> = {}) => ({
  name: 'Exemple (Asso)',
  website: 'https://exemple.org/',
  membership_confidence: 'high',
  services: [
    {
      kind: 'calendar',
      software: 'Nextcloud',
      registration: 'open',
      price_note: '10 € TTC par an',
      source: 'https://exemple.org/tarifs',
    },
  ],
  source: { membership: 'https://exemple.org/chatons' },
  checked: '2026-11-24',
  ...overrides,
});

const found = (name: string): GeocodeResult => ({
  ok: true,
  place: {
    name,
    country: 'FR',
    admin: '69',
    lat: 45.7485,
    lon: 4.8467,
    precision: 'place',
    sharedBy: [],
    homonyms: [],
  },
});
const nowhere: GeocodeResult = { ok: false, reason: 'unknown-place', query: '', suggestions: [] };

describe('buildDirectory', () => {
  it('copies facts with their sources and names the preset', () => {
    const directory = buildDirectory([member()], () => nowhere);
    const [host] = directory.hosts;
    expect(host).toMatchObject({
      id: 'exemple',
      location: null,
      sources: { membership: 'https://exemple.org/chatons' },
    });
    expect(host?.services[0]).toMatchObject({
      kind: 'calendars',
      softwareId: 'nextcloud',
      price: { eurosPerYear: 10, freePlan: false, note: '10 € TTC par an' },
      source: 'https://exemple.org/tarifs',
    });
    expect(directory.checked).toBe('2026-11-24');
  });

  it('places a town with the gazetteer, and says the research notes’ coordinates were replaced', () => {
    const queries: string[] = [];
    const directory = buildDirectory(
      [
        member({
          city: 'Lyon',
          postcode: '69007',
          country: 'FR',
          latitude: 45.75,
          longitude: 4.84,
          geocoded_by: 'approximate…',
        }),
      ],
      (query) => {
        queries.push(query);
        return found('Lyon 7e Arrondissement');
      },
    );
    expect(queries).toEqual(['69007 Lyon']);
    expect(directory.hosts[0]?.location).toMatchObject({ geocodedBy: 'gazetteer', lat: 45.7485 });
    expect(directory.hosts[0]?.location?.note).toMatch(
      /replaces approximate coordinates given without a source/,
    );
  });

  it('keeps the research notes’ approximate coordinates, flagged, only when the gazetteer fails', () => {
    const directory = buildDirectory(
      [
        member({
          city: 'Nowhere',
          latitude: 1,
          longitude: 2,
          geocoded_by: 'approximate, general knowledge',
        }),
      ],
      () => nowhere,
    );
    expect(directory.hosts[0]?.location).toEqual({
      lat: 1,
      lon: 2,
      geocodedBy: 'approximate-in-source',
      precision: null,
      note: 'approximate, general knowledge',
    });
  });

  it('refuses a source file that is not a list of members', () => {
    expect(() => buildDirectory({ hosts: [] }, () => nowhere)).toThrow();
  });
});

describe('reading the notes', () => {
  it.each([
    ['10 € TTC par an', 10],
    ['abonnement « Or » à 10 €/an', 10],
    ['base 2.5 €/month for 5 GB, non-cooperators pay 1 €/month extra', 30],
    ['1.5 EUR/mois/utilisateur', 18],
    ['conseillé à 15€/an', 15],
    ['une centaine d’euros par an', null],
  ])('%s → %s € a year', (note, euros) => {
    expect(priceOf(note)?.eurosPerYear).toBe(euros);
  });

  it('notices a free plan', () => {
    expect(priceOf('2 Go gratuits, ou 10 Go pour 10 € TTC par an')).toMatchObject({
      freePlan: true,
      eurosPerYear: 10,
    });
  });

  it.each([
    ['Nextcloud', 'nextcloud'],
    ['Nextcloud (Liiibre)', 'nextcloud'],
    ['Nextcloud or ownCloud (source does not say which)', null],
    ['SOGo', 'sogo'],
    ['Etherpad', null],
  ])('%s → preset %s', (label, id) => {
    expect(softwareIdOf(label)).toBe(id);
  });

  it('makes stable ids', () => {
    expect(slug('Le PIC (Projet Internet et Citoyenneté)')).toBe('le-pic');
    expect(slug('Pâquerette')).toBe('paquerette');
  });

  it('writes an English aside of a name in words both languages read', () => {
    expect(displayName('La Contre-Voie (formerly 42l)')).toBe('La Contre-Voie (ex-42l)');
    expect(displayName('Zaclys (La Mère Zaclys)')).toBe('Zaclys (La Mère Zaclys)');
  });
});
