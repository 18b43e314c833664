// The journal's public face: what the migration engine and the service import.
export { openJournal } from './open-journal.ts';
export type { OpenJournalOptions } from './open-journal.ts';
export { Journal } from './journal.ts';
export { JournalError, isJournalError, journalErrorCodes } from './journal-error.ts';
export type { JournalErrorCode } from './journal-error.ts';
export { deleteJournalFiles, journalPath } from './journal-files.ts';
export { canTransition, itemStates, itemTransitions } from './item-states.ts';
export type { ItemOperation, ItemState } from './item-states.ts';
export { runStates, runTransitions, resumableRunStates } from './run-states.ts';
export type { RunState } from './run-states.ts';
export { sameSources } from './run-store.ts';
export type { BeginRunInput, RunEnd } from './run-store.ts';
export type { SaveCollectionInput } from './collection-store.ts';
export type {
  ItemProblemInput,
  Plan,
  PlanItemInput,
  SendingInput,
  SentInput,
  VerifiedCheck,
} from './item-protocol.ts';
export { migrationKinds } from './types.ts';
export type * from './types.ts';
