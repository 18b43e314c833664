// The migrate command's progress line tells the time the copy should end as the user's clock
// shows it: in the zone of TZ, from the clock passed in, never UTC ISO.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { MigrateProgress } from '../../src/contract/migrate.ts';
import {
  migrateProgressText,
  timeZoneFromEnv,
  wallClockOf,
  wallTime,
} from '../../src/cli/progress-words.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';

const at = new Date('2026-12-02T18:35:00Z');
const kind = (found: number, done: number) => ({
  found,
  done,
  failed: 0,
  bytesDone: 0,
  bytesTotal: 0,
});
const progress = (etaSeconds: number | null): MigrateProgress => ({
  phase: 'sending',
  calendars: kind(30, 10),
  tasks: kind(0, 0),
  contacts: kind(10, 2),
  files: kind(0, 0),
  photos: kind(0, 0),
  notes: kind(0, 0),
  current: null,
  etaSeconds,
});
const io = (env: Record<string, string>) => ({
  stdout: new Writable(),
  stderr: new Writable(),
  env,
  cwd: '/',
  interrupted: new AbortController().signal,
  now: () => at,
});

describe('progress line times', () => {
  it('says when the copy should end, in the time zone of TZ (Paris: UTC+1 in December)', () => {
    const clock = wallClockOf(io({ LANG: 'fr_FR.UTF-8', TZ: 'Europe/Paris' }));
    expect(migrateProgressText(createI18n('fr').t, progress(1800), clock, 'takeout')).toBe(
      'Copie : 12 sur 40 — fin prévue vers 20:05',
    );
  });

  it('follows another zone and the English clock', () => {
    const clock = wallClockOf(io({ LANG: 'en_US.UTF-8', TZ: 'America/New_York' }));
    expect(migrateProgressText(createI18n('en').t, progress(1800), clock, 'takeout')).toMatch(
      /^Copying: 12 of 40 — should end around 2:05\sPM$/u,
    );
  });

  it('reads the archive, or the data at the previous host', () => {
    const clock = wallClockOf(io({ LANG: 'fr_FR.UTF-8', TZ: 'Europe/Paris' }));
    const reading: MigrateProgress = { ...progress(null), phase: 'reading' };
    const fr = createI18n('fr').t;
    expect(migrateProgressText(fr, reading, clock, 'takeout')).toBe('Lecture de l’archive…');
    expect(migrateProgressText(fr, reading, clock, 'dav')).toBe(
      'Lecture de vos données chez votre ancien hébergeur…',
    );
    expect(migrateProgressText(createI18n('en').t, reading, clock, 'dav')).toBe(
      'Reading your data at your previous host…',
    );
    // The other phases are the same from any source.
    expect(migrateProgressText(fr, progress(null), clock, 'dav')).toBe('Copie : 12 sur 40');
  });

  it('names the day when the end is not today', () => {
    const clock = wallClockOf(io({ LANG: 'fr_FR.UTF-8', TZ: 'Asia/Tokyo' }));
    // 03:35 in Tokyo; ten hours later is the same day, twenty-two hours later is not.
    expect(wallTime(new Date(at.getTime() + 10 * 3600_000), clock)).toBe('13:35');
    expect(wallTime(new Date(at.getTime() + 22 * 3600_000), clock)).toBe('4 déc. 2026, 01:35');
  });

  it('says nothing of the end before the pace is known', () => {
    const clock = wallClockOf(io({ LANG: 'fr_FR.UTF-8', TZ: 'Europe/Paris' }));
    expect(migrateProgressText(createI18n('fr').t, progress(null), clock, 'takeout')).toBe(
      'Copie : 12 sur 40',
    );
  });

  it('reads TZ as Intl knows it, and leaves the system zone otherwise', () => {
    expect(timeZoneFromEnv({ TZ: 'Europe/Paris' })).toBe('Europe/Paris');
    expect(timeZoneFromEnv({ TZ: ':Europe/Paris' })).toBe('Europe/Paris');
    expect(timeZoneFromEnv({ TZ: 'Nowhere/Atlantis' })).toBeUndefined();
    expect(timeZoneFromEnv({})).toBeUndefined();
  });
});
