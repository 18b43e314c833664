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
  // Keep notes carry their text and an edit time in microseconds. Google writes the edit time
  // after the text, so a long note (or one cut short) may only show its first keys, the
  // flags Keep writes first (`"isTrashed"`, `"isPinned"`), before the text.
  if (
    /"(textContent|listContent)"/.test(text) &&
    (/"userEditedTimestampUsec"/.test(text) ||
      (/"isTrashed"\s*:/.test(text) && /"isPinned"\s*:/.test(text)))
  ) {
    return 'keep';
  }
  // Photos sidecars: when the picture was taken, as epoch seconds; a picture Google received
  // without a date (a WhatsApp picture) has only its upload's, in the same shape.
  if (/"photoTakenTime"/.test(text)) return 'photos';
  if (/"title"\s*:/.test(text) && /"creationTime"\s*:\s*\{\s*"timestamp"/.test(text)) {
    return 'photos';
  }
  // My Activity records list the products they concern.
  if (/"header"\s*:/.test(text) && /"products"\s*:/.test(text)) return 'activity';
  return 'json';
}
