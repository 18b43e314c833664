// The time left on the Moving screen is refined as the run goes: each kind's pace is measured
// (items per second, bytes per second for files), recent progress weighs more than old, and
// the time left adds what remains of each kind at its own pace. The clock is passed in.
import { describe, expect, it } from 'vitest';
import type { MigrateProgress } from '../../src/contract/migrate.ts';
import { Pace } from '../../src/migration/pace.ts';
import { ProgressTracker } from '../../src/migration/progress-tracker.ts';

const MB = 1_000_000;

function tracked() {
  let now = 0;
  let last: MigrateProgress | null = null;
  const tracker = new ProgressTracker(
    () => new Date(now),
    (progress) => {
      last = progress;
    },
  );
  return {
    tracker,
    /** Moves the clock on by `ms`. */
    wait(ms: number) {
      now += ms;
    },
    eta: (): number | null => last?.etaSeconds ?? null,
  };
}

/** Sends `count` items of `kind`, one every `everyMs`. */
function items(
  run: ReturnType<typeof tracked>,
  kind: 'calendars' | 'contacts',
  count: number,
  everyMs: number,
) {
  for (let index = 0; index < count; index++) {
    run.wait(everyMs);
    run.tracker.item(kind, 'created', `item ${index}`, 0);
  }
}

describe('time left', () => {
  it('says nothing while reading, nor before the pace is known', () => {
    const run = tracked();
    run.tracker.expect('calendars', 100, 0);
    run.tracker.phase('reading');
    expect(run.eta()).toBeNull();
    run.tracker.phase('sending');
    items(run, 'calendars', 5, 200);
    expect(run.eta()).toBeNull();
    items(run, 'calendars', 10, 200);
    expect(run.eta()).not.toBeNull();
  });

  it('a steady pace gives what remains at that pace', () => {
    const run = tracked();
    run.tracker.expect('calendars', 600, 0);
    run.tracker.phase('sending');
    items(run, 'calendars', 300, 100); // 10 items a second
    expect(run.eta()).toBeGreaterThanOrEqual(29);
    expect(run.eta()).toBeLessThanOrEqual(31);
  });

  it('follows a change of pace instead of averaging the whole run', () => {
    const run = tracked();
    run.tracker.expect('contacts', 1000, 0);
    run.tracker.phase('sending');
    items(run, 'contacts', 300, 100); // 10 a second for 30 s
    items(run, 'contacts', 120, 500); // then 2 a second for 60 s
    const truth = (1000 - 420) / 2; // 290 s at the present pace
    const wholeRunAverage = (1000 - 420) / (420 / 90); // 124 s: what an overall average says
    const eta = run.eta() ?? 0;
    expect(Math.abs(eta - truth) / truth).toBeLessThan(0.2);
    expect(Math.abs(eta - truth)).toBeLessThan(Math.abs(wholeRunAverage - truth) / 4);
  });

  it('measures each kind on its own: quick contacts do not make files look quick', () => {
    const run = tracked();
    run.tracker.expect('contacts', 200, 0);
    run.tracker.expect('files', 10, 60 * MB);
    run.tracker.phase('sending');
    items(run, 'contacts', 200, 20); // 50 contacts a second, 4 s
    const guessed = run.eta();
    expect(guessed).not.toBeNull();
    // Then files at 1 MB a second: 10 s in, 50 MB remain, 50 s left.
    for (let second = 0; second < 10; second++) {
      for (let tenth = 0; tenth < 10; tenth++) {
        run.wait(100);
        run.tracker.bytes('files', MB / 10);
      }
    }
    const eta = run.eta() ?? 0;
    expect(eta).toBeGreaterThanOrEqual(45);
    expect(eta).toBeLessThanOrEqual(55);
  });

  it('a kind not started yet is counted at the pace of the others', () => {
    const run = tracked();
    run.tracker.expect('calendars', 100, 0);
    run.tracker.expect('contacts', 100, 0);
    run.tracker.phase('sending');
    items(run, 'calendars', 50, 100); // 10 a second
    // 50 calendars and 100 contacts left, at 10 a second.
    expect(run.eta()).toBeGreaterThanOrEqual(14);
    expect(run.eta()).toBeLessThanOrEqual(16);
  });
});

describe('pace', () => {
  it('is the average of the first seconds, then weighs recent progress more', () => {
    const pace = new Pace();
    pace.start(0);
    pace.add(5, 1000);
    expect(pace.rate).toBeNull();
    pace.add(5, 2000);
    expect(pace.rate).toBe(5);
    pace.add(50, 3000);
    const rate = pace.rate ?? 0;
    expect(rate).toBeGreaterThan(5);
    expect(rate).toBeLessThan(50);
  });

  it('gathers samples closer than a second', () => {
    const pace = new Pace();
    pace.start(0);
    for (let at = 10; at <= 2500; at += 10) pace.add(1, at);
    expect(pace.rate).toBeCloseTo(100, 0);
  });
});
