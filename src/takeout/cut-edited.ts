// An edited copy whose name Google cut inside its suffix: `…_Mamie_01-edi.jpg` for
// `…_Mamie_01-edited.jpg` (the 47-character cut reaches the suffix; GooglePhotosTakeoutHelper_Neo
// issue 29). pairSidecars does not see an edited copy in it, so it would move undated under a
// broken name. Its original is beside it: the same stem before the cut suffix.
import { EDITED_SUFFIXES } from '../photos/edited-suffixes.ts';

/** A cut suffix must keep this much of itself (`-e` could be anything). */
const MIN_CUT = 3;

export interface CutEdited {
  /** The original's stem, as the file has it. */
  readonly base: string;
  /** The suffixes this cut may come from, in EDITED_SUFFIXES' order. */
  readonly suffixes: readonly string[];
}

/** The ways `stem` may be an original's stem followed by a cut edited suffix (longest base first). */
export function cutEditedCandidates(stem: string): CutEdited[] {
  const nfc = stem.normalize('NFC');
  const found: CutEdited[] = [];
  for (let dash = nfc.lastIndexOf('-'); dash > 0; dash = nfc.lastIndexOf('-', dash - 1)) {
    const tail = nfc.slice(dash).toLowerCase();
    if (tail.length < MIN_CUT) continue;
    const suffixes = EDITED_SUFFIXES.filter(
      (suffix) => suffix.length > tail.length && suffix.startsWith(tail),
    );
    if (suffixes.length > 0) found.push({ base: nfc.slice(0, dash), suffixes });
  }
  return found;
}
