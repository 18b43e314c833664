// Every problem the Takeout reader can report. The texts are in locales/<lang>/takeout.json under
// problems.<name>, written for a family or a volunteer, not for a developer.
import type { ProblemFact } from '../contract/problem.ts';
import { displayName } from './display-name.ts';

export const takeoutProblems = [
  // The archive as a whole
  'unsupported-format',
  'archive-unreadable',
  'archive-damaged',
  'archive-truncated',
  'archive-bomb',
  'mixed-exports',
  // One entry of an archive
  'unsafe-path',
  'link-entry',
  'not-a-file',
  'bomb-suspected',
  'overlapping-entries',
  'entry-unsupported',
  'entry-unreadable',
  'name-not-utf8',
  'duplicate-entry',
  // The content of one file
  'content-too-large',
  'calendar-unreadable',
  'calendar-damaged',
  'contacts-unreadable',
  'contacts-damaged',
  'lines-repaired',
  'tasks-unreadable',
  // Google Photos and Keep
  'photo-sidecar-unreadable',
  'photo-missing',
  'keep-note-unreadable',
  'keep-attachment-missing',
] as const;

export type TakeoutProblem = (typeof takeoutProblems)[number];

export function takeoutProblem(
  name: TakeoutProblem,
  where: string,
  params?: Record<string, string | number>,
): ProblemFact {
  return {
    code: `takeout.${name}`,
    where: displayName(where),
    ...(params === undefined ? {} : { params }),
  };
}
