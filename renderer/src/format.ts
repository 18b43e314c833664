// Numbers and sizes as a French or English reader expects them ("1 234", "2,3 Go").
import type { TFunction } from 'i18next';

export function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}

export function formatBytes(t: TFunction, value: number, language: string): string {
  const units = [
    ['GB', 1e9],
    ['MB', 1e6],
    ['kB', 1e3],
  ] as const;
  for (const [unit, size] of units) {
    if (value >= size) {
      const amount = new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(
        value / size,
      );
      return t(`common:units.${unit}`, { value: amount });
    }
  }
  return t('common:units.bytes', { value: formatCount(value, language) });
}
