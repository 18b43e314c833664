// The bytes of chosen export entries (photos, Keep attachments), by key, handed out the way the
// archive reads best — the same rule as Drive's files (takeout-files.ts): any order for zip
// parts and folders (opened one by one, as they are pulled), archive order for a .tgz
// (archive-order-feed.ts: one more pass over the part, not one per file).
import type { Takeout } from '../../takeout/open-takeout.ts';
import type { TakeoutEntry } from '../../takeout/takeout-source.ts';
import type { FedContent } from '../source.ts';
import { archiveOrderFeed } from './archive-order-feed.ts';
import type { FeedOptions } from './archive-order-feed.ts';

/** `entries`: the export entry of each key (a key is its entry's path). */
export function contentFeed(
  takeout: Takeout,
  entries: ReadonlyMap<string, TakeoutEntry>,
  wanted: ReadonlySet<string>,
  signal: AbortSignal,
  options: Omit<FeedOptions, 'signal'> = {},
): AsyncIterable<FedContent> {
  const chosen = [...wanted].flatMap((key) => {
    const entry = entries.get(key);
    return entry === undefined ? [] : [entry];
  });
  // A .tgz can only be read from its start: its entries come in archive order, from one pass.
  const inOrder = chosen.some((entry) => takeout.parts[entry.part]?.format === 'tgz');
  if (!inOrder) return fromList(chosen, signal);
  return archiveOrderFeed<FedContent>(
    takeout,
    new Set(chosen.map((entry) => entry.path)),
    (entry, content, release) => ({
      key: entry.path,
      open: (attempt) => content.open(attempt),
      release,
    }),
    { ...options, signal },
  );
}

/** Made as they are pulled: memory follows the concurrency, not the number of entries. */
async function* fromList(
  entries: readonly TakeoutEntry[],
  signal: AbortSignal,
): AsyncGenerator<FedContent> {
  for (const entry of entries) {
    if (signal.aborted) return;
    yield await Promise.resolve({
      key: entry.path,
      open: (attempt: AbortSignal) => entry.open(attempt),
    });
  }
}
