// The words of the migrate command's progress line: how far the copy is, and, once the pace is
// known, the time it should end, as a clock on the wall shows it (the user's time zone, not UTC).
// The clock and the time zone are passed in, so that tests can fix both.
import type { Locale } from '../contract/app.ts';
import type { MigrateProgress } from '../contract/migrate.ts';
import type { SourceSpec } from '../contract/scan.ts';
import { migrationKinds } from '../contract/migrate.ts';
import type { Translator } from '../i18n/create-i18n.ts';
import { detectLocale } from '../i18n/detect-locale.ts';
import type { CliIo } from './cli-command.ts';

export interface WallClock {
  readonly now: () => Date;
  /** An IANA zone (`Europe/Paris`), or undefined for the system's. */
  readonly timeZone: string | undefined;
  readonly locale: Locale;
}

export function wallClockOf(io: CliIo): WallClock {
  return {
    now: io.now ?? (() => new Date()),
    timeZone: timeZoneFromEnv(io.env),
    locale: detectLocale(io.env),
  };
}

/** The zone named by TZ when Intl knows it (TZ may also hold a POSIX rule Intl cannot read). */
export function timeZoneFromEnv(env: Record<string, string | undefined>): string | undefined {
  const zone = env['TZ']?.replace(/^:/, '');
  if (zone === undefined || zone === '') return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

/** "19:05" (fr) or "7:05 PM" (en), with the day too when it is not today. */
export function wallTime(date: Date, clock: WallClock): string {
  const zone = clock.timeZone === undefined ? {} : { timeZone: clock.timeZone };
  const day = (value: Date): string =>
    new Intl.DateTimeFormat(clock.locale, { ...zone, dateStyle: 'short' }).format(value);
  const sameDay = day(date) === day(clock.now());
  return new Intl.DateTimeFormat(clock.locale, {
    ...zone,
    ...(sameDay ? {} : { dateStyle: 'medium' }),
    timeStyle: 'short',
  }).format(date);
}

/** `source`: a move from another host reads "your data at your previous host", not an archive. */
export function migrateProgressText(
  t: Translator,
  progress: MigrateProgress,
  clock: WallClock,
  source: SourceSpec['kind'],
): string {
  const done = migrationKinds.reduce((sum, kind) => sum + progress[kind].done, 0);
  const found = migrationKinds.reduce((sum, kind) => sum + progress[kind].found, 0);
  const line = t(`cli:commands.migrate.progress.${progress.phase}`, {
    done,
    found,
    context: source,
  });
  if (progress.phase !== 'sending' || progress.etaSeconds === null) return line;
  const end = new Date(clock.now().getTime() + progress.etaSeconds * 1000);
  return t('cli:commands.migrate.progress.endsAround', { line, time: wallTime(end, clock) });
}
