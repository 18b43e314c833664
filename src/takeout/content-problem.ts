// What can go wrong while reading iCalendar or vCard text. Readers report these as values and
// carry on with the next component; the scan turns them into one problem per file.

export type ContentProblem =
  /** Text before the first BEGIN:VCALENDAR / BEGIN:VCARD, or between two of them. */
  | 'outside-object'
  /** The file ends (or a new object starts) before an END: the object is incomplete. */
  | 'unterminated'
  /** An END that matches nothing open. */
  | 'unexpected-end'
  /** A line with neither `:` nor `;` inside an object. */
  | 'invalid-line'
  /** A line longer than MAX_CONTENT_LINE_BYTES was dropped. */
  | 'line-too-long'
  /** A broken line (its fold lost its leading space) was joined back to the previous one. */
  | 'repaired-line'
  /** Not a single BEGIN:VCALENDAR / BEGIN:VCARD in the whole text. */
  | 'no-object';

export interface ContentProblemItem {
  readonly type: 'problem';
  readonly problem: ContentProblem;
  /** Physical line number (1-based) where the problem was seen. */
  readonly line: number;
}
