import { noNotes, noPhotos } from '../../src/contract/scan.ts';
import { describe, expect, it } from 'vitest';
import type { BaluchonEvent, ScanProgress } from '../../src/contract/index.ts';
import { BaluchonError } from '../../src/errors/baluchon-error.ts';
import { JobRunner } from '../../src/service/job-runner.ts';

function setup(now: () => number = () => 0) {
  const events: BaluchonEvent[] = [];
  let ended: () => void = () => undefined;
  const end = new Promise<void>((resolve) => (ended = resolve));
  let next = 0;
  const runner = new JobRunner({
    now,
    newId: () => `job-${++next}`,
    emit: (event) => {
      events.push(event);
      if (event.type === 'job.end') ended();
    },
    describeProblem: (fact) => ({ ...fact, reason: `text of ${fact.code}` }),
    describeError: (error) => ({
      code: error instanceof BaluchonError ? error.code : 'internal',
      message: 'described',
    }),
    progressIntervalMs: 100,
  });
  return { runner, events, end };
}

const progress = (entriesDone: number): ScanProgress => ({
  phase: 'reading',
  entriesDone,
  entriesTotal: 10,
  bytesDone: 0,
  bytesTotal: 0,
});

const emptyReport = {
  missingParts: [],
  archives: [],
  calendars: [],
  contacts: { count: 0, labels: [], starred: 0, otherContacts: 0 },
  tasks: { count: 0, lists: [], cleared: 0 },
  files: {
    folder: null,
    count: 0,
    bytes: 0,
    documents: { count: 0, byFormat: {} },
    cannotMove: [],
  },
  photos: noPhotos,
  notes: noNotes,
  others: [],
  problems: [],
};

describe('JobRunner', () => {
  it('returns the id before any event, then ends exactly once with the result', async () => {
    const { runner, events, end } = setup();
    const id = runner.start('scan', (ctx) => {
      ctx.problem({ code: 'takeout.broken', where: 'a.ics' });
      return Promise.resolve(emptyReport);
    });
    expect(id).toBe('job-1');
    expect(events).toEqual([]);
    await end;
    expect(events.map((event) => event.type)).toEqual(['job.problem', 'job.end']);
    expect(events[0]).toMatchObject({ problem: { reason: 'text of takeout.broken' } });
    expect(events[1]).toMatchObject({ outcome: 'done', result: emptyReport });
    expect(runner.runningCount).toBe(0);
  });

  it('throttles progress but always delivers the last one before the end', async () => {
    let clock = 0;
    const { runner, events, end } = setup(() => clock);
    runner.start('scan', (ctx) => {
      for (let i = 1; i <= 50; i++) {
        clock += 10; // 50 reports over 500 ms of simulated time
        ctx.progress(progress(i));
      }
      return Promise.resolve(emptyReport);
    });
    await end;
    const sent = events.flatMap((event) =>
      event.type === 'job.progress' && event.kind === 'scan' ? [event.progress.entriesDone] : [],
    );
    expect(sent.length).toBeLessThanOrEqual(7);
    expect(sent.at(-1)).toBe(50);
    expect(events.at(-1)?.type).toBe('job.end');
  });

  it('reports a cancelled job as cancelled, and its signal reaches the work', async () => {
    const { runner, events, end } = setup();
    let seen: AbortSignal | undefined;
    const id = runner.start(
      'scan',
      (ctx) =>
        new Promise((_resolve, reject) => {
          seen = ctx.signal;
          ctx.signal.addEventListener('abort', () => {
            reject(new Error('socket closed'));
          });
        }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(runner.cancel(id)).toBe(true);
    await end;
    expect(seen?.aborted).toBe(true);
    expect(events.at(-1)).toMatchObject({
      type: 'job.end',
      outcome: 'cancelled',
      error: { code: 'cancelled' },
    });
    expect(runner.cancel(id)).toBe(false);
  });

  it('reports a failing job with its coded error', async () => {
    const { runner, events, end } = setup();
    runner.start('scan', () => Promise.reject(new BaluchonError('takeout.nothing-readable')));
    await end;
    expect(events.at(-1)).toMatchObject({
      outcome: 'failed',
      error: { code: 'takeout.nothing-readable' },
    });
  });
});
