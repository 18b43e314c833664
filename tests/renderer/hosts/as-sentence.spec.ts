import { describe, expect, it } from 'vitest';
import { asSentence } from '../../../renderer/src/hosts/as-sentence.ts';

describe('asSentence', () => {
  it('starts with a capital and ends with a full stop', () => {
    expect(asSentence('about 30 € a year', 'en')).toBe('About 30 € a year.');
    expect(asSentence('une offre gratuite, ou environ 10 € par an', 'fr')).toBe(
      'Une offre gratuite, ou environ 10 € par an.',
    );
    expect(asSentence('à 3 km', 'fr')).toBe('À 3 km.');
  });

  it('leaves a finished sentence and an empty one alone', () => {
    expect(asSentence('Already a sentence.', 'en')).toBe('Already a sentence.');
    expect(asSentence('  ', 'en')).toBe('');
  });
});
