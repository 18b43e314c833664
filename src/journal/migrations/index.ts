// Every schema step, in order. Add a step: a new file `NNN-name.ts`, one line here, one test in
// tests/journal/migrations/ that opens a journal made by the version before it.
import { initial } from './001-initial.ts';
import { photosNotes } from './002-photos-notes.ts';
import type { Migration } from './migration.ts';

export const migrations: readonly Migration[] = [initial, photosNotes];

export const LATEST_VERSION = migrations.length;
