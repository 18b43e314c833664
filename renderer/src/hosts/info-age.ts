// How old the facts about a host are, in words ("2 days ago", "il y a 3 mois"), and when they
// are old enough to say "check on its website". Intl does the words in both languages.
export function formatAge(days: number, language: string): string {
  const words = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  if (days < 31) return words.format(-days, 'day');
  if (days < 365) return words.format(-Math.floor(days / 30.44), 'month');
  return words.format(-Math.floor(days / 365.25), 'year');
}

/** After a year, hosts change their offers, prices and openings often enough to say so. */
export const STALE_AFTER_DAYS = 365;

export function formatDay(isoDay: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDay.slice(0, 10)}T12:00:00Z`),
  );
}

/** "France", "Belgique": the country's name in the reader's language, from its ISO code. */
export function countryName(code: string | null, language: string): string | null {
  if (code === null) return null;
  try {
    return new Intl.DisplayNames(language, { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
