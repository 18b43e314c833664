// What a file is, judged by its first bytes — never by its folder's name, which Google
// translates into the account's language (TAKEOUT-NOTES §1.3).

export type Sniffed =
  | 'calendar'
  | 'contacts'
  | 'tasks'
  | 'keep'
  | 'photos'
  | 'activity'
  /** JSON of some other product (Chrome, Fit, Maps…). */
  | 'json'
  | 'unknown';

/** Enough to see the first keys of a Tasks, Keep or Photos JSON file. */
export const SNIFF_BYTES = 8 * 1024;

export function sniff(head: Buffer): Sniffed {
  const text = head.toString('utf8', 0, Math.min(head.length, SNIFF_BYTES)).replace(/^\uFEFF/, '');
  const start = text.trimStart();
  const firstLine = start.slice(0, 40).toUpperCase();
  if (firstLine.startsWith('BEGIN:VCALENDAR')) return 'calendar';
  if (firstLine.startsWith('BEGIN:VCARD')) return 'contacts';
  if (!start.startsWith('{') && !start.startsWith('[')) return 'unknown';
  // Google Tasks API's own resource kinds (TAKEOUT-NOTES §4).
  if (/"kind"\s*:\s*"tasks#taskLists"/.test(text)) return 'tasks';
  // Keep notes carry their text and an edit time in microseconds.
  if (/"userEditedTimestampUsec"/.test(text) && /"(textContent|listContent)"/.test(text)) {
    return 'keep';
  }
  // Photos sidecars: when the picture was taken, as epoch seconds.
  if (/"photoTakenTime"/.test(text)) return 'photos';
  // My Activity records list the products they concern.
  if (/"header"\s*:/.test(text) && /"products"\s*:/.test(text)) return 'activity';
  return 'json';
}
