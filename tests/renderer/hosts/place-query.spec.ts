import { beforeAll, describe, expect, it } from 'vitest';
import { geocode, loadGazetteer } from '../../../src/hosts/geo/gazetteer.ts';
import type { Gazetteer } from '../../../src/hosts/geo/gazetteer.ts';
import { suggestionQuery } from '../../../renderer/src/hosts/place-query.ts';

describe('suggestionQuery', () => {
  it('searches a name suggestion by its name, a postcode suggestion by its postcode', () => {
    expect(suggestionQuery('Lyon (69)')).toBe('Lyon');
    expect(suggestionQuery('Genève (CH)')).toBe('Genève');
    expect(suggestionQuery('Saint-Denis (974)')).toBe('Saint-Denis');
    expect(suggestionQuery('75019 Paris 19e Arrondissement')).toBe('75019');
    expect(suggestionQuery('01230 Argis, Chaley…')).toBe('01230');
    expect(suggestionQuery(' Brest ')).toBe('Brest');
  });

  it('leaves a suggestion that is only a bracket as it is', () => {
    expect(suggestionQuery('(CH)')).toBe('(CH)');
  });
});

// Against the gazetteer the app ships: clicking a suggestion must find a place, never send the
// family round in a loop of "did you mean".
describe('suggestions of the engine, searched again', () => {
  let gazetteer: Gazetteer;
  beforeAll(() => {
    gazetteer = loadGazetteer();
  });

  it.each(['Lyom', 'Bordeau', 'Genèv', 'Marseile', '75999', '69099', 'Sant-Malo'])(
    'every suggestion for “%s” is found',
    (typo) => {
      const result = geocode(gazetteer, typo);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.suggestions.length).toBeGreaterThan(0);
      for (const suggestion of result.suggestions) {
        const again = geocode(gazetteer, suggestionQuery(suggestion));
        expect(again.ok, suggestion).toBe(true);
      }
    },
  );
});
