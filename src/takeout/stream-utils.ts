// Small stream helpers shared by the part readers.
import { Readable } from 'node:stream';

/** Destroys `stream` when `signal` aborts, and forgets the signal once the stream is closed. */
export function destroyOnAbort<S extends Readable>(stream: S, signal: AbortSignal | undefined): S {
  if (signal === undefined) return stream;
  const onAbort = (): void => {
    stream.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
  };
  signal.addEventListener('abort', onAbort, { once: true });
  stream.once('close', () => {
    signal.removeEventListener('abort', onAbort);
  });
  return stream;
}

/** The part of a readable stream the wrapper below relies on (tar-stream's entries are streamx). */
export interface FlowingSource {
  on(event: 'data', listener: (chunk: unknown) => void): unknown;
  on(event: 'end' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  off(event: 'data', listener: (chunk: unknown) => void): unknown;
  pause(): unknown;
  resume(): unknown;
}

/**
 * A Node Readable over a tar entry. Destroying it must not destroy the entry: tar-stream
 * destroys the whole archive when one entry is destroyed, while a reader that stops early (a
 * sniff of the first bytes) only means "skip the rest". So destroying the wrapper lets the entry
 * drain into nothing and the walk goes on to the next entry.
 */
export function nodeReadableOf(source: FlowingSource): Readable {
  const onData = (chunk: unknown): void => {
    if (!out.push(chunk)) source.pause();
  };
  const out = new Readable({
    read() {
      source.resume();
    },
    destroy(error, callback) {
      source.off('data', onData);
      source.resume();
      callback(error);
    },
  });
  source.on('data', onData);
  source.on('end', () => out.push(null));
  source.on('error', (error) =>
    out.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return out;
}
