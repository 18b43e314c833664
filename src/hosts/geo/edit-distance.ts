// Damerau–Levenshtein distance (optimal string alignment) with a ceiling: suggestions only need
// to know whether two names are within a couple of typos. Hand-written because it runs against
// tens of thousands of names per unknown place: a letter-count bound rejects most of them
// without the matrix, rows live in reused typed arrays (no allocation per call), and each row
// stops as soon as every cell exceeds the ceiling. The libraries compute the full matrix.

let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
const counts = new Int32Array(128);

/** A lower bound of the distance: a substitution changes two letter counts, an insertion one. */
function letterBound(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) (counts[a.charCodeAt(i) & 127] as number)++;
  for (let i = 0; i < b.length; i++) (counts[b.charCodeAt(i) & 127] as number)--;
  // Sum and reset only the letters used, so each call costs the two names' lengths.
  let total = 0;
  for (const text of [a, b]) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i) & 127;
      total += Math.abs(counts[code] as number);
      counts[code] = 0;
    }
  }
  return Math.ceil(total / 2);
}

/** The distance between a and b, or `max + 1` when it is larger than `max`. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max || letterBound(a, b) > max) return max + 1;
  if (b.length + 1 > (rows[0]?.length ?? 0)) {
    rows = [0, 1, 2].map(() => new Int32Array(b.length * 2 + 1));
  }
  let [beforePrevious, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        value = Math.min(value, (beforePrevious[j - 2] as number) + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  const distance = previous[b.length] as number;
  return distance > max ? max + 1 : distance;
}
