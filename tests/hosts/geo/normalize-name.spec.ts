import { describe, expect, it } from 'vitest';
import { nameKey, nameKeys, nameWords } from '../../../src/hosts/geo/normalize-name.ts';

describe('nameKey', () => {
  it.each([
    ['Saint-Étienne', 'st etienne'],
    ['Saint-Étienne', 'SAINT ETIENNE'],
    ['Sainte-Foy-lès-Lyon', 'ste foy les lyon'],
    ["Les Sables-d'Olonne", 'les sables d’olonne'],
    ["Les Sables-d'Olonne", 'LES SABLES DOLONNE'],
    ['Œuilly', 'oeuilly'],
    ['Zürich', 'zurich'],
    ['L’Haÿ-les-Roses', "l'hay les roses"],
  ])('%s and %s meet', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it('keeps different towns apart', () => {
    expect(nameKey('Saint-Denis')).not.toBe(nameKey('Sainte-Denise'));
  });

  it('also files a name without its leading article', () => {
    expect(nameKeys('Le Havre')).toEqual(['lehavre', 'havre']);
    expect(nameKeys('La')).toEqual(['la']);
    expect(nameKeys('Lyon')).toEqual(['lyon']);
  });

  it('has no words for punctuation alone', () => {
    expect(nameWords(' - ’ ')).toEqual([]);
  });
});
