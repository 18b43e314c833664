// When an archive is judged to be a trap ("decompression bomb": a few kilobytes that unpack to
// gigabytes). Baluchon streams every entry and never buffers one whole, so a bomb cannot fill the
// memory or the disk; what it could do is keep the scan inflating for hours, or make the
// migration upload gigabytes of zeros into the family's new account. The limits below are chosen
// so that no real Takeout content trips them:
//
// - Real Takeout content barely compresses: photos, videos and office documents (DOCX, ODT… are
//   zip files themselves) stay near 1:1; calendars, contacts and JSON shrink 5–20×.
// - Deflate cannot shrink data more than 1032:1 (RFC 1951 — a 258-byte match costs at least two
//   bits). An entry that declares more is lying about its size.
//
// Zip entries are judged before anything is inflated, from the sizes their central directory
// declares (yauzl then refuses to inflate more than the declared size). A tgz has no directory:
// it must be inflated to be read at all, so it is judged while it streams.

export interface BombLimits {
  /** A zip entry is a bomb when it unpacks to more than this… */
  readonly zipEntryMinBytes: number;
  /** …and more than this many times its packed size. */
  readonly zipEntryMaxRatio: number;
  /** Above deflate's own limit any entry larger than this is a bomb (its sizes are false). */
  readonly impossibleRatio: number;
  readonly impossibleMinBytes: number;
  /** A tgz part stops being read once it has unpacked more than `tgzBaseBytes` plus… */
  readonly tgzBaseBytes: number;
  /** …this many times the size of the part on disk. */
  readonly tgzMaxRatio: number;
}

export const defaultBombLimits: BombLimits = {
  // 64 MiB at more than 100:1 is a file of zeros or a sparse disk image, not family documents.
  zipEntryMinBytes: 64 * 1024 * 1024,
  zipEntryMaxRatio: 100,
  impossibleRatio: 1032,
  impossibleMinBytes: 1024 * 1024,
  // A real tgz part unpacks to at most a few times its size; 1 GiB of slack covers tiny parts.
  tgzBaseBytes: 1024 * 1024 * 1024,
  tgzMaxRatio: 100,
};

/** The ratio a zip entry declares, or null when its declared sizes are believable. */
export function suspiciousZipRatio(
  compressedSize: number,
  uncompressedSize: number,
  limits: BombLimits,
): number | null {
  const ratio = uncompressedSize / Math.max(compressedSize, 1);
  const bomb =
    (uncompressedSize > limits.zipEntryMinBytes && ratio > limits.zipEntryMaxRatio) ||
    (uncompressedSize > limits.impossibleMinBytes && ratio > limits.impossibleRatio);
  return bomb ? Math.round(ratio) : null;
}

/** How many bytes a tgz part may unpack to before it is treated as a bomb. */
export function tgzBudget(partBytes: number, limits: BombLimits): number {
  return limits.tgzBaseBytes + limits.tgzMaxRatio * partBytes;
}
