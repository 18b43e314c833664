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

/** The original's name when `name` (without extension) ends with an edited suffix, else null. */
export function originalOfEdited(stem: string): string | null {
  const text = stem.normalize('NFC');
  const lower = text.toLowerCase();
  for (const suffix of EDITED_SUFFIXES) {
    if (lower.endsWith(suffix) && lower.length > suffix.length) {
      return text.slice(0, text.length - suffix.length);
    }
  }
  return null;
}
