// What the Takeout reader keeps of Google Photos' JSON files while it walks the parts: a few
// numbers and a title per sidecar, a title and a description per album — never the files
// themselves. 50 GB of photos are ~100,000 sidecars; what is kept of them stays a few megabytes.
//
// A sidecar (`IMG_1234.jpg.supplemental-metadata.json`, TAKEOUT-NOTES §5) holds the picture's full
// original name (`title`), when it was taken (`photoTakenTime.timestamp`, epoch seconds as a
// string), when it was uploaded (`creationTime.timestamp`) and whether it was thrown away
// (`trashed`). An album's own file (`metadata.json`, `métadonnées.json`…) holds its title and
// description.

/** A sidecar listing many people can pass the 8 KB sniff; larger than this it is not read. */
export const MAX_SIDECAR_BYTES = 64 * 1024;

export interface SidecarFacts {
  /** The picture's full original name, as Google kept it; null when absent. */
  readonly title: string | null;
  /** When it was taken, in epoch seconds; null when Google kept none. */
  readonly taken: number | null;
  /** When it was put into Google Photos, in epoch seconds; null when absent. */
  readonly created: number | null;
  /** In Google Photos' bin when the export was made. */
  readonly trashed: boolean;
}

export interface AlbumDescription {
  readonly title: string | null;
  readonly description: string | null;
}

/** The facts of a sidecar's text, or null when it is not JSON holding an object. */
export function readSidecar(text: string): SidecarFacts | null {
  const data = parseObject(text);
  if (data === null) return null;
  return {
    title: nonEmpty(data['title']),
    taken: seconds(data['photoTakenTime']),
    created: seconds(data['creationTime']),
    trashed: data['trashed'] === true,
  };
}

/** An album's description file, or null when it is not JSON holding an object. */
export function readAlbumDescription(text: string): AlbumDescription | null {
  const data = parseObject(text);
  if (data === null) return null;
  return { title: nonEmpty(data['title']), description: nonEmpty(data['description']) };
}

function parseObject(text: string): Record<string, unknown> | null {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return null;
  }
  return isObject(data) ? data : null;
}

/**
 * `{ "timestamp": "1551123684", "formatted": "…" }` → 1551123684. Google writes 0 (1970) for a
 * date it does not know: that is no date, not the first second of 1970.
 */
function seconds(value: unknown): number | null {
  if (!isObject(value)) return null;
  const raw = value['timestamp'];
  const number =
    typeof raw === 'number'
      ? raw
      : typeof raw === 'string' && raw.trim() !== ''
        ? Number(raw)
        : NaN;
  return Number.isFinite(number) && number > 0 ? Math.trunc(number) : null;
}

function nonEmpty(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : value.normalize('NFC');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What the walk kept of a Photos export's JSON files: what photos-library.ts is built from. */
export interface PhotosFacts {
  /** What the walk kept of each sidecar, by path. */
  readonly sidecars: ReadonlyMap<string, SidecarFacts>;
  /** Album description files read during the walk, by path. */
  readonly albums: ReadonlyMap<string, AlbumDescription>;
}
