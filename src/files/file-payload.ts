// What the files sink receives for one file: where its bytes come from, how big it is and the
// date to keep. The bytes are never held whole by the engine: each attempt opens a fresh stream
// from the source (src/sources), which decides how (an archive entry, a buffered copy, a GET).
import type { Readable } from 'node:stream';
import type { SourceFile } from '../sources/source.ts';

export interface ContentSource {
  /** A new stream of the whole content; called once per attempt. */
  open(signal: AbortSignal): Promise<Readable>;
}

export interface FilePayload {
  readonly file: SourceFile;
  /** What the source says the file weighs: the exact number of bytes to send. */
  readonly size: number;
  /** Modification time to keep on the server, or null when the source has none. */
  readonly mtime: Date | null;
  readonly content: ContentSource;
}

/**
 * The change fingerprint of a file (the journal's content hash): its size and modification
 * time, as rsync and the Nextcloud clients compare files. Reading every byte first to hash it
 * would double the time of a run, and a file Google exported again unchanged keeps both.
 */
export function fileFingerprint(size: number, mtime: Date | null): string {
  return `file-v1:${size}:${mtime === null ? '-' : Math.floor(mtime.getTime() / 1000)}`;
}
