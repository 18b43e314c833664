// The renderer's job store, seeded with what a reloaded page was told of a running move while its
// event stream may already have brought newer events.
import { describe, expect, it } from 'vitest';
import type { BaluchonEvent, MigrateProgress, Problem } from '../../../src/contract/index.ts';
import { JobStore } from '../../../renderer/src/jobs/job-store.ts';

const kind = (done: number) => ({ found: 10, done, failed: 0, bytesDone: 0, bytesTotal: 0 });
const progress = (done: number): MigrateProgress => ({
  phase: 'sending',
  calendars: kind(done),
  tasks: kind(0),
  contacts: kind(0),
  files: kind(0),
  photos: kind(0),
  notes: kind(0),
  current: null,
  etaSeconds: null,
});
const problem = (where: string): Problem => ({ code: 'ical.invalid', where, reason: where });
const event = (e: Record<string, unknown>): BaluchonEvent =>
  ({ jobId: 'j', kind: 'migrate', ...e }) as unknown as BaluchonEvent;

describe('JobStore.seed', () => {
  it('shows what the service kept when nothing was heard yet', () => {
    const store = new JobStore();
    let told = 0;
    store.subscribe(() => (told += 1));
    store.seed<'migrate'>('j', { progress: progress(4), problems: [problem('a')], end: undefined });
    expect(store.get<'migrate'>('j')).toEqual({
      progress: progress(4),
      problems: [problem('a')],
      end: undefined,
    });
    expect(told).toBe(1);
  });

  it('keeps newer events heard before the answer, and each problem once', () => {
    const store = new JobStore();
    store.receive(event({ type: 'job.problem', problem: problem('b') }));
    store.receive(event({ type: 'job.progress', progress: progress(6) }));
    store.receive(event({ type: 'job.problem', problem: problem('c') }));
    // The service's answer was written after "b" but before "c".
    store.seed<'migrate'>('j', {
      progress: progress(5),
      problems: [problem('a'), problem('b')],
      end: undefined,
    });
    const view = store.get<'migrate'>('j');
    expect(view?.progress).toEqual(progress(6));
    expect(view?.problems.map((p) => p.where)).toEqual(['a', 'b', 'c']);
  });

  it('never forgets an end heard before the answer', () => {
    const store = new JobStore();
    store.receive(
      event({ type: 'job.end', outcome: 'failed', error: { code: 'x', message: 'x' } }),
    );
    store.seed<'migrate'>('j', { progress: progress(5), problems: [], end: undefined });
    expect(store.get<'migrate'>('j')?.end).toEqual({
      outcome: 'failed',
      error: { code: 'x', message: 'x' },
    });
  });
});
