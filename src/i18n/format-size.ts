// Sizes as file managers show them, in the reader's language: 999 octets, 12 ko, 3,4 Mo, 1,2 Go.
// One rule for the scan summary, the report and the CLI: it lives here so none of them needs
// another's module.
import type { Translator } from './create-i18n.ts';

export function formatSize(bytes: number, t: Translator, language: string): string {
  const units: [string, number][] = [
    ['GB', 1e9],
    ['MB', 1e6],
    ['kB', 1e3],
  ];
  for (const [unit, factor] of units) {
    if (bytes >= factor) {
      const value = bytes / factor;
      const digits = value < 10 ? 1 : 0;
      const text = new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value);
      return t(`common:units.${unit}`, { value: text });
    }
  }
  return t('common:units.bytes', { value: new Intl.NumberFormat(language).format(bytes) });
}
