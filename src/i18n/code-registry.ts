// Every code that can reach the family (an error on a screen or in the CLI, a problem in
// `problems[]`, on the Done screen or in the saved report), gathered in one place so that
// tests/locales/every-code.spec.ts can check each has a sentence in French and in English.
//
// Areas that keep their own list (every error code in src/errors/error-codes.ts, the files
// area's problems, the Takeout reader) are imported; the areas whose codes were only written
// where they are raised have their list here. The same test also reads src/ for code-like
// literals, so a new code raised somewhere but missing from this registry fails it.
import { everyErrorCode } from '../errors/error-codes.ts';
import { filesProblemCodes } from '../files/files-codes.ts';
import { googleDriveProblemCodes } from '../sources/google/drive/drive-codes.ts';
import { takeoutProblems } from '../takeout/takeout-problems.ts';

/** What the calendar, contact and task readers say of one item (locales/<lang>/items.json). */
export const itemsProblemCodes = [
  'items.event-unreadable',
  'items.event-duplicate',
  'items.event-mixed-kinds',
  'items.event-never-happens',
  'items.event-rule-never-happens',
  'items.event-timezone-unknown',
  'items.event-attachment-left',
  'items.contact-unreadable',
  'items.contact-empty',
  'items.contact-photo-unreachable',
  'items.contact-photo-refused',
  'items.google-contact-unreadable',
  'items.task-unreadable',
  'items.task-list-unreadable',
  'items.tasks-file-unreadable',
  'items.google-event-unreadable',
  'items.google-calendar-unreadable',
] as const;

/** What a run, its read-back and its undo report (locales/<lang>/migration.json). */
export const migrationProblemCodes = [
  'migration.missing',
  'migration.wrong-size',
  'migration.unexpected',
  'migration.item-failed',
  'migration.no-calendars-here',
  'migration.no-tasks-here',
  'migration.no-contacts-here',
  'migration.no-files-here',
  'migration.no-photos-here',
  'migration.no-notes-here',
  'migration.undo-changed',
  'migration.undo-failed',
  'migration.undo-not-empty',
  'migration.collection-refused',
] as const;

/** What reading the CHATONS federation reports (locales/<lang>/hosts.json). */
/** What moving the photos and the notes tells (locales/<lang>/photos.json, notes.json). */
export const photosProblemCodes = [
  'photos.undated',
  'photos.album-not-kept',
  'photos.dates-not-kept',
  'notes.dates-not-kept',
] as const;

export const hostsProblemCodes = [
  'hosts.member-file-unreachable',
  'hosts.member-file-incomplete',
  'hosts.member-file-escape',
] as const;

/** Codes thrown as errors: a command's or a run's failure, shown on its own (src/errors/). */
export { everyErrorCode };

/**
 * Codes that can name a problem. An item that fails is reported under the code of its error
 * (`dav.conflict`, `files.source-unreadable`…), so every error code can be a problem too: its
 * sentence is then the error's (locales/keys.ts problemKeys).
 */
export const everyProblemCode: readonly string[] = [
  ...new Set([
    ...takeoutProblems.map((name) => `takeout.${name}`),
    ...itemsProblemCodes,
    ...migrationProblemCodes,
    ...filesProblemCodes,
    ...photosProblemCodes,
    ...googleDriveProblemCodes,
    ...hostsProblemCodes,
    ...everyErrorCode,
  ]),
];

/** Every code, once. */
export const everyCode: readonly string[] = [...new Set([...everyErrorCode, ...everyProblemCode])];
