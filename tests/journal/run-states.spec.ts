// Every (operation, state) pair of the run state machine, and what opening the journal after a
// crash does to runs left `running`.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Journal } from '../../src/journal/journal.ts';
import {
  canTransitionRun,
  runOperations,
  runStates,
  runTransitions,
} from '../../src/journal/run-states.ts';
import type { RunOperation, RunState } from '../../src/journal/run-states.ts';
import type { Run, RunId } from '../../src/journal/types.ts';
import { journalErrorOf } from './support/journal-error-of.ts';
import { archive, dupont, makeFixture, martin, startRun } from './support/journal-fixture.ts';
import type { Fixture } from './support/journal-fixture.ts';

const resumable: RunState[] = ['interrupted', 'stopped', 'cancelled'];
const expected: Record<RunOperation, { from: RunState[]; to: RunState }> = {
  finish: { from: ['running'], to: 'finished' },
  stop: { from: ['running'], to: 'stopped' },
  cancel: { from: ['running'], to: 'cancelled' },
  interrupt: { from: ['running'], to: 'interrupted' },
  resume: { from: resumable, to: 'running' },
  abandon: { from: resumable, to: 'abandoned' },
  undo: {
    from: ['interrupted', 'stopped', 'cancelled', 'finished', 'abandoned', 'undone'],
    to: 'undone',
  },
};

let fixture: Fixture;
let journal: Journal;
let targets = 0;

beforeEach(() => {
  fixture = makeFixture();
  journal = fixture.open();
});

afterEach(() => {
  fixture.cleanup();
});

/** A run (on a target of its own) brought to `state` through allowed transitions. */
function runIn(state: RunState): Run {
  const target = { server: 'https://cloud.example.org/', account: `family-${++targets}` };
  const run = journal.beginRun({ target, kinds: ['contacts'], sources: archive });
  switch (state) {
    case 'running':
      break;
    case 'interrupted':
      journal.endRun(run.id, { state: 'interrupted' });
      break;
    case 'stopped':
      journal.endRun(run.id, { state: 'stopped', code: 'dav.unauthorized' });
      break;
    case 'cancelled':
      journal.endRun(run.id, { state: 'cancelled' });
      break;
    case 'finished':
      journal.endRun(run.id, { state: 'finished' });
      break;
    case 'abandoned':
      journal.endRun(run.id, { state: 'interrupted' });
      journal.endRun(journal.beginRun({ target, kinds: ['contacts'], sources: archive }).id, {
        state: 'finished',
      });
      break;
    case 'undone':
      journal.endRun(run.id, { state: 'finished' });
      journal.markRunUndone(run.id);
      break;
  }
  expect(journal.getRun(run.id).state).toBe(state);
  return journal.getRun(run.id);
}

/** The abandon operation is what beginRun does to the target's resumable runs. */
const apply: Record<RunOperation, (run: Run) => void> = {
  finish: (run) => journal.endRun(run.id, { state: 'finished' }),
  stop: (run) => journal.endRun(run.id, { state: 'stopped', code: 'dav.server-full' }),
  cancel: (run) => journal.endRun(run.id, { state: 'cancelled' }),
  interrupt: (run) => journal.endRun(run.id, { state: 'interrupted' }),
  resume: (run) => journal.resumeRun(run.id),
  abandon: (run) => {
    const next = journal.beginRun({ target: run.target, kinds: ['contacts'], sources: archive });
    journal.endRun(next.id, { state: 'finished' });
  },
  undo: (run) => journal.markRunUndone(run.id),
};

describe('run state machine', () => {
  it('run-states.ts declares the expected machine', () => {
    expect([...runStates].sort()).toEqual(
      ['running', 'interrupted', 'stopped', 'cancelled', 'finished', 'abandoned', 'undone'].sort(),
    );
    for (const operation of runOperations) {
      expect([...runTransitions[operation].from].sort(), operation).toEqual(
        [...expected[operation].from].sort(),
      );
      expect(runTransitions[operation].to).toBe(expected[operation].to);
    }
  });

  const pairs = runOperations
    .filter((operation) => operation !== 'abandon')
    .flatMap((operation) =>
      runStates.map((from) => ({
        operation,
        from,
        allowed: expected[operation].from.includes(from),
      })),
    );

  it.each(pairs.filter((pair) => pair.allowed))(
    '$operation from $from is allowed',
    ({ operation, from }) => {
      expect(canTransitionRun(operation, from)).toBe(true);
      const run = runIn(from);
      apply[operation](run);
      expect(journal.getRun(run.id).state).toBe(expected[operation].to);
    },
  );

  it.each(pairs.filter((pair) => !pair.allowed))(
    '$operation from $from is refused and changes nothing',
    ({ operation, from }) => {
      expect(canTransitionRun(operation, from)).toBe(false);
      const run = runIn(from);
      const error = journalErrorOf(() => {
        apply[operation](run);
      });
      expect(error.code).toBe('journal.illegal-transition');
      expect(error.details).toMatchObject({ run: run.id, operation, from });
      expect(journal.getRun(run.id)).toEqual(run);
    },
  );

  it.each(runStates)('beginRun abandons the target’s run only if it is resumable (%s)', (from) => {
    const run = runIn(from);
    if (from === 'running') {
      const error = journalErrorOf(() => {
        apply.abandon(run);
      });
      expect(error.code).toBe('journal.run-in-progress');
      expect(journal.getRun(run.id).state).toBe('running');
      return;
    }
    apply.abandon(run);
    expect(journal.getRun(run.id).state).toBe(resumable.includes(from) ? 'abandoned' : from);
  });
});

describe('runs', () => {
  it('a stopped run keeps the reason; resuming clears it and counts the resume', () => {
    const { run } = startRun(journal);
    const stopped = journal.endRun(run.id, { state: 'stopped', code: 'dav.unauthorized' });
    expect(stopped).toMatchObject({ state: 'stopped', stopCode: 'dav.unauthorized' });
    expect(stopped.endedAt).not.toBeNull();
    const resumed = journal.resumeRun(run.id);
    expect(resumed).toMatchObject({
      state: 'running',
      stopCode: null,
      resumeCount: 1,
      endedAt: null,
    });
    expect(resumed.resumedAt).not.toBeNull();
  });

  it('one running run per target; other targets are independent', () => {
    const { run } = startRun(journal, dupont);
    expect(
      journalErrorOf(() => journal.beginRun({ target: dupont, kinds: ['files'], sources: [] }))
        .code,
    ).toBe('journal.run-in-progress');
    const other = journal.beginRun({ target: martin, kinds: ['files'], sources: [] });
    expect(other.state).toBe('running');
    journal.endRun(run.id, { state: 'cancelled' });
    const second = journal.beginRun({ target: dupont, kinds: ['files'], sources: [] });
    expect(journalErrorOf(() => journal.resumeRun(run.id)).code).toBe('journal.illegal-transition');
    expect(journal.getRun(run.id).state).toBe('abandoned');
    expect(second.state).toBe('running');
  });

  it('keeps what the run was asked for, kinds in a fixed order and sources sorted', () => {
    const run = journal.beginRun({
      target: dupont,
      kinds: ['files', 'calendars', 'files'],
      sources: [
        { name: 'takeout-002.zip', size: 2 },
        { name: 'takeout-001.zip', size: 1 },
      ],
    });
    expect(run.kinds).toEqual(['calendars', 'files']);
    expect(run.sources).toEqual([
      { name: 'takeout-001.zip', size: 1 },
      { name: 'takeout-002.zip', size: 2 },
    ]);
    expect(run.target).toEqual(dupont);
    expect(journal.runs(dupont).map((r) => r.id)).toEqual([run.id]);
  });

  it('refuses a run without kinds or with a bad source', () => {
    expect(() => journal.beginRun({ target: dupont, kinds: [], sources: [] })).toThrow(
      /invalid-input/,
    );
    expect(() =>
      journal.beginRun({
        target: dupont,
        kinds: ['files'],
        sources: [{ name: 'a.zip', size: -1 }],
      }),
    ).toThrow(/invalid-input/);
    expect(journal.runs(dupont)).toEqual([]);
  });

  it('an unknown run is journal.not-found', () => {
    expect(journalErrorOf(() => journal.getRun(4242 as RunId)).code).toBe('journal.not-found');
    expect(journalErrorOf(() => journal.resumeRun(4242 as RunId)).code).toBe('journal.not-found');
  });
});

describe('runs left running by a process that died', () => {
  it('are interrupted when the journal opens, ended at their last recorded step', () => {
    const { run, collection } = startRun(journal);
    const { itemId } = journal.planItem({
      runId: run.id,
      collectionId: collection.id,
      sourceKey: 'uid-1',
      contentHash: 'h',
      label: 'Dentist',
    });
    journal.markSending(itemId, { href: '/dav/uid-1.ics', contentHash: 'h' });
    const lastStep = journal.getItem(itemId).updatedAt;
    journal.close(); // as good as a crash here: nothing told the run it ended

    const reopened = fixture.open();
    expect(reopened.interruptedAtOpen).toBe(1);
    const [interrupted, ...others] = reopened.interruptedRuns(dupont);
    expect(others).toEqual([]);
    expect(interrupted).toMatchObject({ id: run.id, state: 'interrupted', endedAt: lastStep });

    const resumed = reopened.resumeRun(run.id);
    expect(resumed.id).toBe(run.id);
    expect(reopened.interruptedRuns(dupont)).toEqual([]);
  });

  it('lists interrupted, stopped and cancelled runs of that target only, newest first', () => {
    const a = journal.beginRun({ target: dupont, kinds: ['files'], sources: [] });
    journal.endRun(a.id, { state: 'stopped', code: 'dav.server-full' });
    const b = journal.beginRun({ target: martin, kinds: ['files'], sources: [] });
    journal.endRun(b.id, { state: 'cancelled' });
    expect(journal.interruptedRuns(dupont).map((run) => run.id)).toEqual([a.id]);
    expect(journal.interruptedRuns(martin).map((run) => run.id)).toEqual([b.id]);
  });
});
