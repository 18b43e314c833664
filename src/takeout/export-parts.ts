// The parts of one export, in order. Google names them `takeout-<UTC stamp>-001.zip`, `-002.zip`…
// (newer exports add a counter: `takeout-<stamp>-3-001.zip`), TAKEOUT-NOTES §1.1. Parts are read
// in that order so "the first part wins" is the same whatever order the user picked them in; a
// gap in the numbers, a first part not given, parts the export's index page names but that were
// not given, or two different stamps are worth telling the family about.
import { basename } from 'node:path';

export interface PartName {
  /** `20190328T195144Z` or `20260318T202441Z-3`: what all parts of one export share. */
  readonly export: string;
  readonly number: number;
}

const PART_NAME = /^takeout-(\d{8}T\d{6}Z(?:-\d+)?)-(\d{3})(\.[a-z0-9.]+)?$/i;

export function parsePartName(path: string): PartName | null {
  const match = PART_NAME.exec(basename(path));
  if (match === null) return null;
  return { export: match[1] as string, number: Number(match[2]) };
}

/** Sorts by (export stamp, part number); paths not named like parts keep their order, after. */
export function orderParts(paths: readonly string[]): string[] {
  const indexed = paths.map((path, index) => ({ path, index, name: parsePartName(path) }));
  indexed.sort((a, b) => {
    if (a.name === null || b.name === null) {
      if (a.name === b.name) return a.index - b.index;
      return a.name === null ? 1 : -1;
    }
    if (a.name.export !== b.name.export) return a.name.export < b.name.export ? -1 : 1;
    return a.name.number - b.name.number || a.index - b.index;
  });
  return indexed.map((item) => item.path);
}

export interface PartsCheck {
  /** Part numbers missing between the lowest and the highest given (the last one cannot be known). */
  readonly missing: number[];
  /** More than one export stamp among the parts. */
  readonly mixed: boolean;
}

export function checkParts(paths: readonly string[]): PartsCheck {
  const names = paths.map(parsePartName).filter((name): name is PartName => name !== null);
  const exports = new Set(names.map((name) => name.export));
  if (exports.size !== 1) return { missing: [], mixed: exports.size > 1 };
  const numbers = new Set(names.map((name) => name.number));
  const missing: number[] = [];
  for (let n = 1; n < Math.max(...numbers); n++) if (!numbers.has(n)) missing.push(n);
  return { missing, mixed: false };
}

/**
 * The file names of the parts that seem to be missing: every number from 1 up to the highest
 * one given or named by the export's index page (`namedInIndex`) that was not given. Named as
 * the index page names them, else as Google names parts, with the extension of the parts given
 * (none when they were unpacked into folders). Nothing when the parts come from different
 * exports (that is told otherwise) or are not named like Google's parts.
 */
export function missingPartNames(
  paths: readonly string[],
  namedInIndex: readonly string[] = [],
): string[] {
  const given = paths
    .map((path) => ({ name: parsePartName(path), match: PART_NAME.exec(basename(path)) }))
    .filter((part): part is { name: PartName; match: RegExpExecArray } => part.name !== null);
  const check = checkParts(paths);
  const first = given[0];
  if (check.mixed || first === undefined) return [];
  const stamp = first.name.export;
  const extension = first.match[3] ?? '';
  const numbers = new Set(given.map((part) => part.name.number));
  const fromIndex = new Map<number, string>();
  for (const named of namedInIndex) {
    const name = parsePartName(named);
    if (name !== null && name.export === stamp) fromIndex.set(name.number, basename(named));
  }
  const highest = Math.max(...numbers, ...fromIndex.keys());
  const missing: string[] = [];
  for (let n = 1; n <= highest; n++) {
    if (numbers.has(n)) continue;
    missing.push(fromIndex.get(n) ?? `takeout-${stamp}-${String(n).padStart(3, '0')}${extension}`);
  }
  return missing;
}
