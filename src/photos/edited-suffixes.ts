// The suffix Google Photos puts on an edited copy ("IMG_1234-edited.jpg"), in the language of the
// account that made the export. The edited copy has no sidecar of its own: it takes the
// original's. Listed from exports seen in the languages Baluchon's families use; matching is
// case-insensitive and on NFC text (macOS unpacks "modifié" as NFD).
export const EDITED_SUFFIXES: readonly string[] = [
  '-edited', // English
  '-ha editado', // Spanish (the phrase Google writes, space included: before '-editado')
  '-modifié', // French
  '-bearbeitet', // German
  '-editado', // Spanish, Portuguese
  '-modificato', // Italian
  '-bewerkt', // Dutch
  '-redigerad', // Swedish
  '-redigert', // Norwegian
  '-redigeret', // Danish
  '-muokattu', // Finnish
  '-edytowane', // Polish
  '-upraveno', // Czech
  '-düzenlendi', // Turkish
  '-изменено', // Russian
  '-編集済み', // Japanese
];

/** Google cuts a picture's name (without extension) to this many characters. */
const NAME_CUT = 47;

/**
 * The original's name when `name` (without extension) ends with an edited suffix, else null. A
 * name Google cut to 47 characters may end with the start of one (`…_01-edi`): that is an
 * edited copy too (at least `-` and two letters, so an ordinary name ending in `-e` is not).
 */
export function originalOfEdited(stem: string): string | null {
  const text = stem.normalize('NFC');
  const lower = text.toLowerCase();
  for (const suffix of EDITED_SUFFIXES) {
    if (lower.endsWith(suffix) && lower.length > suffix.length) {
      return text.slice(0, text.length - suffix.length);
    }
  }
  // Google counts characters (code points): a name with accents is cut like any other.
  if (Array.from(text).length < NAME_CUT) return null;
  for (const suffix of EDITED_SUFFIXES) {
    for (let keep = suffix.length - 1; keep >= 3; keep--) {
      const start = suffix.slice(0, keep);
      if (lower.endsWith(start) && lower.length > start.length) {
        return text.slice(0, text.length - start.length);
      }
    }
  }
  return null;
}
