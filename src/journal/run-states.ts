// The life of a run. One logical import keeps one run id from its start to its end, however many
// times it is interrupted and resumed: progress, the report and "undo this import" all count
// by that id.
//
//   beginRun ─▶ running ──endRun(finished)──▶ finished
//                │  ▲  ──endRun(stopped, code)─▶ stopped     (401/403, server full: fixable)
//                │  │  ──endRun(cancelled)────▶ cancelled
//                │  │  ──endRun(interrupted)──▶ interrupted  (closed to resume later; or found
//                │  │                                          `running` when the journal opens:
//                │  └──────── resumeRun ◀──────┘               the process died)
//                │       (from interrupted, stopped, cancelled)
//                │
//   interrupted / stopped / cancelled ──beginRun for the same target──▶ abandoned
//   any state but running ──markRunUndone──▶ undone
export const runStates = [
  'running',
  'interrupted',
  'stopped',
  'cancelled',
  'finished',
  'abandoned',
  'undone',
] as const;
export type RunState = (typeof runStates)[number];

/** Runs that did not reach their end and may be resumed. */
export const resumableRunStates = [
  'interrupted',
  'stopped',
  'cancelled',
] as const satisfies readonly RunState[];

export const runTransitions = {
  finish: { from: ['running'], to: 'finished' },
  stop: { from: ['running'], to: 'stopped' },
  cancel: { from: ['running'], to: 'cancelled' },
  interrupt: { from: ['running'], to: 'interrupted' },
  resume: { from: resumableRunStates, to: 'running' },
  abandon: { from: resumableRunStates, to: 'abandoned' },
  undo: {
    from: ['interrupted', 'stopped', 'cancelled', 'finished', 'abandoned', 'undone'],
    to: 'undone',
  },
} as const satisfies Record<string, { from: readonly RunState[]; to: RunState }>;

export type RunOperation = keyof typeof runTransitions;
export const runOperations = Object.keys(runTransitions) as RunOperation[];

export function canTransitionRun(operation: RunOperation, from: RunState): boolean {
  return (runTransitions[operation].from as readonly RunState[]).includes(from);
}
