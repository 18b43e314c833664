// The time left of a move in words, rounded honestly: "less than a minute" only under 45
// seconds, then the nearest minute (90 s is "about 2 minutes", never "less than a minute"),
// five-minute steps from ten minutes on (an estimate is not precise to the minute), hours from
// an hour and a half on.
import type { TFunction } from 'i18next';

export function timeLeft(t: TFunction, seconds: number): string {
  if (seconds < 45) return t('moving.eta.lessThanMinute');
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes < 10) return t('moving.eta.minutes', { count: minutes });
  const stepped = Math.round(minutes / 5) * 5;
  if (stepped < 90) return t('moving.eta.minutes', { count: stepped });
  return t('moving.eta.hours', { count: Math.round(stepped / 60) });
}
