// Which JSON sidecar describes which picture or video in a Google Photos export. The sidecar holds
// what the file itself does not: the date the picture was taken, its full original name. Google
// names it after the picture, but every rule below is forced by how it cuts and numbers names:
//
// - `IMG.jpg` → `IMG.jpg.supplemental-metadata.json` (newer exports) or `IMG.jpg.json` (older);
// - the sidecar's name without `.json` is cut to 46 characters, so the `.supplemental-metadata`
//   suffix arrives cut anywhere (`.supplemental-me.json`, `.s.json`, `..json`) and a long picture
//   name loses its end (`Screenshot_…_948cd9899890.json` for a 70-character picture);
// - a second picture of the same name is `IMG(1).jpg`, its sidecar `IMG.jpg(1).json` or
//   `IMG.jpg.supplemental-metadata(1).json`: the number moves behind the (cut) name;
// - an edited copy (`IMG-edited.jpg`, `IMG-modifié.jpg`…) has no sidecar: it shares the original's;
// - `IMG~2.jpg` may have its own sidecar, else shares `IMG.jpg`'s;
// - a live photo's video (`IMG.MP4` beside `IMG.HEIC`) shares the still's sidecar;
// - what is left is paired by the `title` a sidecar holds, when the caller has read it.
//
// One pass over the names, a map per folder: 100,000 entries pair in well under a second
// (bench/photos/pairing.ts), and nothing of the files is read here.
import { originalOfEdited } from './edited-suffixes.ts';

export type PairRule =
  'exact' | 'truncated' | 'duplicate' | 'edited' | 'tilde' | 'live-photo' | 'title' | 'none';

export interface Pairing {
  /** The picture or video (its path in the export). */
  readonly media: string;
  /** Its sidecar's path, or null when none could be found (no date to restore: named). */
  readonly sidecar: string | null;
  readonly rule: PairRule;
}

export interface PairingResult {
  readonly pairs: readonly Pairing[];
  /** Sidecars no picture claimed (a picture missing from the export, or a name too far gone). */
  readonly orphans: readonly string[];
  /** An album's own description (`metadata.json`, `métadonnées.json`…), by folder. */
  readonly albumFiles: ReadonlyMap<string, string>;
}

/** What Google calls an album's description file, in the export's language. */
const ALBUM_FILES = new Set([
  'metadata.json',
  'métadonnées.json',
  'metadaten.json',
  'metadatos.json',
  'metadati.json',
  'metadades.json',
  'metagegevens.json',
  'metadane.json',
  'metadados.json',
  'метаданные.json',
]);

/** The longest sidecar name Google writes, `.json` left out. */
const CUT = 46;
const SUFFIX = '.supplemental-metadata';
/** `.supplemental-metadata` and every cut of it, down to `.` and nothing (`IMG.jpg.json`). */
const SUFFIX_CUTS = Array.from({ length: SUFFIX.length + 1 }, (_, i) =>
  SUFFIX.slice(0, SUFFIX.length - i),
);

/** Two sidecars whose names differ only by case: not to be told apart ignoring it. */
const AMBIGUOUS = '';

const VIDEO = /\.(mp4|mov|m4v|3gp|avi|mkv|mts|m2ts|mpg|mpeg|wmv|webm)$/i;
const STILL = /\.(jpe?g|heic|heif|png|gif|webp|tiff?|bmp|dng)$/i;

interface Folder {
  readonly media: string[];
  /** Sidecar name without `.json` → its file name. */
  readonly sidecars: Map<string, string>;
  /** The same, lower-cased (an export unpacked on a case-insensitive disk). */
  readonly lower: Map<string, string>;
}

export function pairSidecars(
  paths: Iterable<string>,
  titleOf?: (sidecar: string) => string | undefined,
): PairingResult {
  const folders = new Map<string, Folder>();
  const albumFiles = new Map<string, string>();
  for (const raw of paths) {
    const path = raw.normalize('NFC');
    const slash = path.lastIndexOf('/');
    const dir = path.slice(0, slash + 1);
    const name = path.slice(slash + 1);
    let folder = folders.get(dir);
    if (folder === undefined) {
      folder = { media: [], sidecars: new Map(), lower: new Map() };
      folders.set(dir, folder);
    }
    const lowerName = name.toLowerCase();
    if (lowerName.endsWith('.json')) {
      if (ALBUM_FILES.has(lowerName)) albumFiles.set(dir, path);
      else {
        const base = name.slice(0, -'.json'.length);
        folder.sidecars.set(base, name);
        const lower = base.toLowerCase();
        folder.lower.set(lower, folder.lower.has(lower) ? AMBIGUOUS : name);
      }
    } else if (!lowerName.endsWith('.html')) folder.media.push(name);
  }

  const pairs: Pairing[] = [];
  const orphans: string[] = [];
  for (const [dir, folder] of folders) {
    const claimed = new Set<string>();
    const found = new Map<string, Found>();
    // Every rule's names as Google wrote them first; ignoring case only when none matched (an
    // export unpacked on a case-insensitive disk), and only for a name no other sidecar shares.
    const find: Find = (rules) => {
      const tried = rules.map(([rule, bases]) => [rule, [...bases]] as const);
      for (const [rule, bases] of tried) {
        for (const base of bases) {
          const sidecar = folder.sidecars.get(base);
          if (sidecar !== undefined) return { sidecar, rule };
        }
      }
      for (const [rule, bases] of tried) {
        for (const base of bases) {
          const sidecar = folder.lower.get(base.toLowerCase());
          if (sidecar !== undefined && sidecar !== AMBIGUOUS) return { sidecar, rule };
        }
      }
      return undefined;
    };
    // Own sidecars first (exact, cut, numbered), so that a shared one never hides an own one.
    for (const name of folder.media) {
      const own = ownSidecar(name, find);
      if (own !== undefined) {
        found.set(name, own);
        claimed.add(own.sidecar);
      }
    }
    // Stills by their name without extension, lower-cased: made once, when a video asks.
    let stillsByStem: Map<string, string> | undefined;
    const stills = (): ReadonlyMap<string, string> => {
      stillsByStem ??= new Map(
        folder.media
          .filter((other) => STILL.test(other))
          .map((other) => [other.slice(0, other.lastIndexOf('.')).toLowerCase(), other]),
      );
      return stillsByStem;
    };
    for (const name of folder.media) {
      if (found.has(name)) continue;
      const shared = sharedSidecar(name, stills, found, find);
      if (shared !== undefined) {
        found.set(name, shared);
        claimed.add(shared.sidecar);
      }
    }
    // Last: unclaimed sidecars by the title they hold (the picture's full original name).
    const unclaimed = [...folder.sidecars.values()].filter((sidecar) => !claimed.has(sidecar));
    if (titleOf !== undefined && unclaimed.length > 0) {
      const byTitle = new Map<string, string>();
      for (const sidecar of unclaimed) {
        const title = titleOf(dir + sidecar)?.normalize('NFC');
        if (title !== undefined && !byTitle.has(title)) byTitle.set(title, sidecar);
      }
      for (const name of folder.media) {
        if (found.has(name)) continue;
        const sidecar = byTitle.get(name) ?? byTitle.get(withoutNumber(name));
        if (sidecar !== undefined && !claimed.has(sidecar)) {
          found.set(name, { sidecar, rule: 'title' });
          claimed.add(sidecar);
        }
      }
    }
    for (const name of folder.media) {
      const hit = found.get(name);
      pairs.push({
        media: dir + name,
        sidecar: hit === undefined ? null : dir + hit.sidecar,
        rule: hit?.rule ?? 'none',
      });
    }
    for (const sidecar of folder.sidecars.values()) {
      if (!claimed.has(sidecar)) orphans.push(dir + sidecar);
    }
  }
  return { pairs, orphans, albumFiles };
}

type Found = { sidecar: string; rule: PairRule };
/** The first sidecar one of the rules names, rules in order. */
type Find = (rules: readonly (readonly [PairRule, Iterable<string>])[]) => Found | undefined;

/** `IMG(2).jpg` → `IMG.jpg` and 2; a name without a number → itself and null. */
function splitNumber(name: string): { name: string; number: string | null } {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  const match = /^(.*)\((\d+)\)$/.exec(stem);
  if (match?.[1] === undefined || match[2] === undefined) return { name, number: null };
  return { name: match[1] + ext, number: match[2] };
}

function withoutNumber(name: string): string {
  return splitNumber(name).name;
}

/** Every name Google may have given the sidecar of `name` (`number`: its `(n)`, if any). */
function* sidecarBases(name: string, number: string | null): Generator<string> {
  for (const suffix of SUFFIX_CUTS) {
    const cut = (name + suffix).slice(0, CUT);
    yield number === null ? cut : `${cut}(${number})`;
  }
  // Older exports: the sidecar named after the picture without its extension.
  const dot = name.lastIndexOf('.');
  if (dot > 0) {
    const stem = name.slice(0, dot).slice(0, CUT);
    yield number === null ? stem : `${stem}(${number})`;
  }
}

function ownSidecar(name: string, find: Find): Found | undefined {
  const numbered = splitNumber(name);
  return find([
    ['exact', [`${name}${SUFFIX}`, name]],
    ['duplicate', numbered.number === null ? [] : sidecarBases(numbered.name, numbered.number)],
    ['truncated', sidecarBases(name, null)],
  ]);
}

function sharedSidecar(
  name: string,
  stills: () => ReadonlyMap<string, string>,
  found: ReadonlyMap<string, Found>,
  find: Find,
): Found | undefined {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  const original = originalOfEdited(stem);
  const numbered = original === null ? null : splitNumber(original + ext);
  const tilde = /^(.*)~\d+$/.exec(stem)?.[1];
  const shared = find([
    ['edited', numbered === null ? [] : sidecarBases(numbered.name, numbered.number)],
    ['tilde', tilde === undefined ? [] : sidecarBases(tilde + ext, null)],
  ]);
  if (shared !== undefined || !VIDEO.test(name)) return shared;
  // A live photo: the still of the same name, in the same folder, holds the date.
  const still = stills().get(stem.toLowerCase());
  const sidecar = still === undefined ? undefined : found.get(still)?.sidecar;
  return sidecar === undefined ? undefined : { sidecar, rule: 'live-photo' };
}
