import { describe, expect, it } from 'vitest';
import { countryName, formatAge, formatDay } from '../../../renderer/src/hosts/info-age.ts';

describe('formatAge', () => {
  it('says how old the facts are, in days, months, then years', () => {
    expect(formatAge(0, 'en')).toBe('today');
    expect(formatAge(2, 'en')).toBe('2 days ago');
    expect(formatAge(2, 'fr')).toBe('avant-hier');
    expect(formatAge(20, 'fr')).toBe('il y a 20 jours');
    expect(formatAge(95, 'en')).toBe('3 months ago');
    expect(formatAge(800, 'fr')).toBe('il y a 2 ans');
  });
});

describe('formatDay', () => {
  it('writes the day in the reader’s language, whatever the machine’s time zone', () => {
    expect(formatDay('2026-11-24', 'en')).toBe('November 24, 2026');
    expect(formatDay('2026-01-01', 'fr')).toBe('1 janvier 2026');
  });
});

describe('countryName', () => {
  it('names the country in the reader’s language', () => {
    expect(countryName('BE', 'fr')).toBe('Belgique');
    expect(countryName('CH', 'en')).toBe('Switzerland');
    expect(countryName(null, 'en')).toBeNull();
  });
});
