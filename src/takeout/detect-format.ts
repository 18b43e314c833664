// What a path given to Baluchon is: a zip, a gzip-compressed tar, an unpacked folder, or
// something else. Decided by the first bytes, never by the name: a download renamed by a browser
// (`takeout (1).zip.part`) is still a zip, and a `.zip` that is an HTML error page is not.
import { open, stat } from 'node:fs/promises';

export type PartFormat = 'zip' | 'tgz' | 'folder';
export type DetectedFormat = PartFormat | 'bzip2' | 'unknown';

export async function detectFormat(path: string): Promise<DetectedFormat> {
  const info = await stat(path);
  if (info.isDirectory()) return 'folder';
  if (!info.isFile()) return 'unknown';
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return formatOf(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

export function formatOf(head: Buffer): DetectedFormat {
  // "PK\3\4" starts a local file header; "PK\5\6" is the end record of an empty archive.
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5)) return 'zip';
  // RFC 1952 §2.3.1: ID1 ID2 = 1f 8b, CM = 8 (deflate).
  if (head[0] === 0x1f && head[1] === 0x8b && head[2] === 8) return 'tgz';
  // Older Takeouts offered .tbz (bzip2, "BZh"): named so the family can ask for .tgz or .zip.
  if (head[0] === 0x42 && head[1] === 0x5a && head[2] === 0x68) return 'bzip2';
  return 'unknown';
}
