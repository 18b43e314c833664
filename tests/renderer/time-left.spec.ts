// The time left in words: honest rounding, in French and English.
import { describe, expect, it } from 'vitest';
import { createRendererI18n } from '../../renderer/src/i18n.ts';
import { timeLeft } from '../../renderer/src/time-left.ts';

const fr = createRendererI18n('fr').t;
const en = createRendererI18n('en').t;

describe('time left in words', () => {
  it.each([
    [0, 'moins d’une minute restante'],
    [44, 'moins d’une minute restante'],
    [45, 'environ 1 minute restante'],
    [89, 'environ 1 minute restante'],
    [90, 'environ 2 minutes restantes'],
    [150, 'environ 3 minutes restantes'],
    [9 * 60 + 20, 'environ 9 minutes restantes'],
    [23 * 60, 'environ 25 minutes restantes'],
    [62 * 60, 'environ 60 minutes restantes'],
    [85 * 60, 'environ 85 minutes restantes'],
    [88 * 60, 'environ 2 heures restantes'],
    [3 * 3600 + 10 * 60, 'environ 3 heures restantes'],
  ])('%i s: %s', (seconds, words) => {
    expect(timeLeft(fr, seconds)).toBe(words);
  });

  it('a minute and a half is never "less than a minute"', () => {
    expect(timeLeft(en, 90)).toBe('about 2 minutes left');
    expect(timeLeft(en, 60)).toBe('about 1 minute left');
    expect(timeLeft(en, 30)).toBe('less than a minute left');
  });
});
