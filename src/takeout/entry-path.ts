// The path of an archive entry, checked before anything else looks at it. An archive is data
// from elsewhere: a name may try to climb out of where it would be unpacked ("zip slip": `..`,
// `/etc/…`, `C:\…`, `..\..\…`). Baluchon never writes entries to disk, but the migration turns
// these paths into WebDAV paths, so an unsafe name is refused here, once, and reported.

export type UnsafeReason = 'parent' | 'absolute' | 'drive' | 'backslash' | 'control' | 'empty';

export type CheckedPath = { readonly path: string } | { readonly unsafe: UnsafeReason };

/**
 * Checks a raw entry name (`Takeout/Agenda/Famille.ics`) and returns its path inside the export:
 * `/`-separated, NFC-normalised (macOS writes NFD), without `.` or empty segments, and without
 * the export's own roots (see stripExportRoot). Directory names (ending in `/`) are the caller's.
 */
export function checkEntryPath(raw: string): CheckedPath {
  // NUL and other C0 controls have no place in a file name (Windows refuses them; a terminal
  // would obey them when the name is printed).
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(raw)) return { unsafe: 'control' };
  if (raw.startsWith('/') || raw.startsWith('\\')) return { unsafe: 'absolute' };
  if (/^[A-Za-z]:/.test(raw)) return { unsafe: 'drive' };
  const segments = raw.split(/[/\\]/);
  if (segments.includes('..')) return { unsafe: 'parent' };
  // The zip specification only knows `/`; a backslash is either a Windows path written by a
  // faulty tool or an attempt to pass `..\` to Windows. Either way the name is not trusted.
  if (raw.includes('\\')) return { unsafe: 'backslash' };
  const kept = segments.filter((segment) => segment !== '' && segment !== '.');
  const path = stripExportRoot(kept.map((segment) => segment.normalize('NFC')));
  if (path.length === 0) return { unsafe: 'empty' };
  return { path: path.join('/') };
}

/** `takeout-20190328T195144Z-001` and `takeout-20260318T202441Z-3-001`: one part's own folder. */
const PART_FOLDER = /^takeout-\d{8}T\d{6}Z(?:-\d+)?-\d{3}$/i;

/**
 * Drops the roots every part repeats: `Takeout/` inside each archive, and the
 * `takeout-<stamp>-00N/` folder that unpacking tools put around it (TAKEOUT-NOTES §1.1–1.2).
 */
export function stripExportRoot(segments: readonly string[]): string[] {
  let start = 0;
  if (PART_FOLDER.test(segments[0] ?? '') && isTakeoutRoot(segments[1])) start = 1;
  if (isTakeoutRoot(segments[start])) start++;
  return segments.slice(start);
}

function isTakeoutRoot(segment: string | undefined): boolean {
  return segment !== undefined && segment.toLowerCase() === 'takeout';
}

/** The first segment of a path inside the export (the product folder), or '' for a loose file. */
export function topFolder(path: string): string {
  const slash = path.indexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** The last segment of a path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The lower-cased extension without its dot (`Famille.ICS` → `ics`), or ''. */
export function extensionOf(path: string): string {
  const name = baseName(path);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}
