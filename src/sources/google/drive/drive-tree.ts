// My Drive's folder tree rebuilt from each item's `parents`, as the paths the archive path gives
// the same files: Takeout writes "My Drive" as the Drive folder itself (`Drive/Factures/a.pdf`,
// the port's path `Factures/a.pdf`), so the root's children have no folder above them. Pure and
// deterministic: the same listing, in any order, gives the same paths (they are the journal's
// source keys, and the archive's paths when a family moved an archive before).
//
// - Names: made valid as Takeout makes them (`validSegment`, src/files/name-rules.ts: Windows'
//   characters become `_`); the engine applies the same rules again, so nothing changes twice.
// - Same name twice in one folder: Takeout numbers the later ones `name(1).ext`
//   (TAKEOUT-NOTES §1.4); here "later" is by creation time then id, which never change, so a
//   file keeps its path from one reading to the next.
// - Several parents (files from before Drive's 2020 single-parent rule): placed once, under the
//   parent whose path sorts first, and the other places said (`files.google-several-parents`).
// - Parents not visible (an owned file in a folder someone else owns, a folder in the trash):
//   placed at the root and said (`files.google-orphan`). Files shared with the family (not
//   owned) have no visible parent by nature: they go in one folder of their own, not reported.
// - A loop in `parents` (Google never makes one; a hostile answer could) is cut where it closes.
import type { ProblemFact } from '../../../contract/problem.ts';
import { splitExtension, validSegment } from '../../../files/name-rules.ts';
import type { DriveItem } from './drive-item.ts';

export interface TreeEntry {
  readonly item: DriveItem;
  /** Added to the name: an export's format (`odt`) or a pointer's (`gform`); null: as it is. */
  readonly extension: string | null;
  readonly isFolder: boolean;
}

export interface PlacedEntry {
  readonly entry: TreeEntry;
  /** `/`-separated, no leading slash, NFC. */
  readonly path: string;
}

export interface DriveTree {
  /** Every entry that is not a folder, with its path. */
  readonly placed: readonly PlacedEntry[];
  readonly notes: readonly ProblemFact[];
}

export interface TreeOptions {
  /** My Drive's own id (files.get('root')); items whose parent it is sit at the root. */
  readonly rootId: string;
  /** The folder that receives files shared with the family (not owned, no visible parent). */
  readonly sharedFolderName: string;
}

/** A place an entry can hang from: a folder's id, My Drive's root or the shared files' folder. */
type Anchor = { readonly folder: string } | { readonly root: true } | { readonly shared: true };

const ROOT_KEY = '\u0000root';
const SHARED_KEY = '\u0000shared';

export function buildDriveTree(entries: readonly TreeEntry[], options: TreeOptions): DriveTree {
  const folders = new Map<string, TreeEntry>();
  for (const entry of entries) if (entry.isFolder) folders.set(entry.item.id, entry);

  // 1. Each entry's parent, chosen by the parents' paths as Google names them (raw names: the
  //    choice must not depend on the renaming it comes after). A folder's choice is made once,
  //    while its path is worked out, so that a loop is cut in one place only.
  const rawPaths = new Map<string, string | null>();
  const anchors = new Map<string, Anchor>();
  const visiting = new Set<string>();
  const rawPathOf = (folderId: string): string | null => {
    if (folderId === options.rootId) return '';
    const known = rawPaths.get(folderId);
    if (known !== undefined) return known;
    const folder = folders.get(folderId);
    if (folder === undefined || visiting.has(folderId)) return null;
    visiting.add(folderId);
    const anchor = chooseAnchor(folder);
    visiting.delete(folderId);
    anchors.set(folderId, anchor);
    const above =
      'folder' in anchor ? (rawPathOf(anchor.folder) ?? '') : 'shared' in anchor ? SHARED_KEY : '';
    const path = above === '' ? folder.item.name : `${above}/${folder.item.name}`;
    rawPaths.set(folderId, path);
    return path;
  };
  const visibleParents = (entry: TreeEntry): { id: string; path: string }[] =>
    [...new Set(entry.item.parents)]
      .map((id) => ({ id, path: rawPathOf(id) }))
      .filter((one): one is { id: string; path: string } => one.path !== null)
      .sort((a, b) => compare(a.path, b.path) || compare(a.id, b.id));
  function chooseAnchor(entry: TreeEntry): Anchor {
    const [first] = visibleParents(entry);
    if (first !== undefined) {
      return first.id === options.rootId ? { root: true } : { folder: first.id };
    }
    return entry.item.ownedByMe ? { root: true } : { shared: true };
  }

  const children = new Map<string, TreeEntry[]>();
  for (const entry of entries) {
    if (entry.isFolder) rawPathOf(entry.item.id);
    const anchor = anchors.get(entry.item.id) ?? chooseAnchor(entry);
    anchors.set(entry.item.id, anchor);
    const key = 'folder' in anchor ? anchor.folder : 'shared' in anchor ? SHARED_KEY : ROOT_KEY;
    const list = children.get(key) ?? [];
    list.push(entry);
    children.set(key, list);
  }

  // 2. Names, folder by folder from the top: valid, then numbered where two are alike.
  const finalPaths = new Map<string, string>();
  const placed: PlacedEntry[] = [];
  const walk = (key: string, prefix: string): void => {
    const list = [...(children.get(key) ?? [])].sort(
      (a, b) => compare(a.item.createdTime, b.item.createdTime) || compare(a.item.id, b.item.id),
    );
    const seen = new Map<string, number>();
    for (const entry of list) {
      const base = nameOf(entry);
      const times = seen.get(base) ?? 0;
      seen.set(base, times + 1);
      const name = times === 0 ? base : numbered(base, times);
      const path = prefix === '' ? name : `${prefix}/${name}`;
      if (finalPaths.has(entry.item.id)) continue;
      finalPaths.set(entry.item.id, path);
      if (entry.isFolder) walk(entry.item.id, path);
      else placed.push({ entry, path });
    }
  };
  walk(ROOT_KEY, '');
  if (children.has(SHARED_KEY)) walk(SHARED_KEY, validSegment(options.sharedFolderName));

  // 3. What the family should know of the placing.
  const notes: ProblemFact[] = [];
  for (const entry of entries) {
    const path = finalPaths.get(entry.item.id);
    if (path === undefined) continue;
    const shown = entry.isFolder ? `${path}/` : path;
    const anchor = anchors.get(entry.item.id);
    const visible = visibleParents(entry);
    if (visible.length === 0 && entry.item.ownedByMe && entry.item.parents.length > 0) {
      notes.push({ code: 'files.google-orphan', where: shown, params: { path: shown } });
    }
    if (visible.length > 1 && anchor !== undefined) {
      const others = visible
        .slice(1)
        .map(({ id }) => (id === options.rootId ? '' : (finalPaths.get(id) ?? '')))
        .map((folder) => (folder === '' ? '/' : `${folder}/`));
      notes.push({
        code: 'files.google-several-parents',
        where: shown,
        params: { path: shown, others: others.join(', ') },
      });
    }
  }
  notes.sort((a, b) => compare(a.where, b.where) || compare(a.code, b.code));
  placed.sort((a, b) => compare(a.path, b.path));
  return { placed, notes };
}

function nameOf(entry: TreeEntry): string {
  const name = entry.extension === null ? entry.item.name : `${entry.item.name}.${entry.extension}`;
  return validSegment(name);
}

/** Takeout's counter for a second file of the same name: `rapport(1).pdf`, `notes(2)`. */
function numbered(name: string, times: number): string {
  const { stem, extension } = splitExtension(name);
  return `${stem}(${times})${extension}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
