// The life of one item in the journal, and the only place its transitions are defined: the
// statements in item-store.ts take their `WHERE state IN (…)` from this table, and the tests walk
// every (operation, state) pair against it.
//
//              planItem (first time this source item is seen for this collection)
//                 │
//                 ▼
//            ┌─────────┐
//            │ planned │  (never attempted)
//            └─────────┘
//                 │ markSending  ◀── from every idle state: a new attempt, a create when nothing
//                 ▼                   of ours is on the server, else an update with If-Match
//            ┌─────────┐ ──markSending──┐  (re-send after the engine checked the server)
//            │ sending │ ◀──────────────┘
//            └─────────┘ ──markFailed──▶ ┌────────┐
//                 │      ──markSkipped─▶ │ failed │ / ┌─────────┐
//                 │                      └────────┘   │ skipped │ (also from every idle state:
//                 │ markSent                          └─────────┘  the attempt ended before any
//                 ▼                                                request left)
//            ┌─────────┐ ──markVerified──▶ ┌──────────┐ ──markVerified──┐
//            │  sent   │                   │ verified │ ◀───────────────┘
//            └─────────┘                   └──────────┘
//                 │ markMissing                 │ markMissing
//                 ▼                             ▼
//            ┌─────────────────────────────────────┐
//            │ missing  (read back: not on server) │
//            └─────────────────────────────────────┘
//
// `sending` is the only state in which a request may be on the wire: markSending is recorded
// BEFORE the request leaves, so after any interruption an item found in `sending` may or may not
// have reached the server, and planItem answers `resume` (check the server before deciding).
// Every other state is idle. planItem never changes the state of a known item: an item whose
// content changed stays `sent`/`verified` until its update actually starts, so an interruption
// between the plan and the request loses nothing.
export const itemStates = [
  'planned',
  'sending',
  'sent',
  'verified',
  'failed',
  'skipped',
  'missing',
] as const;
export type ItemState = (typeof itemStates)[number];

/** States in which no request is in flight. */
export const idleItemStates = [
  'planned',
  'sent',
  'verified',
  'failed',
  'skipped',
  'missing',
] as const satisfies readonly ItemState[];

/** Item states whose content is on the server (as far as the journal knows). */
export const onServerItemStates = ['sent', 'verified'] as const satisfies readonly ItemState[];

export const itemTransitions = {
  markSending: { from: [...idleItemStates, 'sending'], to: 'sending' },
  markSent: { from: ['sending'], to: 'sent' },
  markFailed: { from: [...idleItemStates, 'sending'], to: 'failed' },
  markSkipped: { from: [...idleItemStates, 'sending'], to: 'skipped' },
  markVerified: { from: onServerItemStates, to: 'verified' },
  markMissing: { from: onServerItemStates, to: 'missing' },
} as const satisfies Record<string, { from: readonly ItemState[]; to: ItemState }>;

export type ItemOperation = keyof typeof itemTransitions;
export const itemOperations = Object.keys(itemTransitions) as ItemOperation[];

export function canTransition(operation: ItemOperation, from: ItemState): boolean {
  return (itemTransitions[operation].from as readonly ItemState[]).includes(from);
}
