// Google Keep in a Takeout, as the port's SourceNotes: the notes the inventory read once
// (src/takeout/keep-notes.ts; trashed ones only counted) and a feed of the wanted attachments'
// bytes, by key, read the way the archive reads best (content-feed.ts).
import type { KeepLibrary } from '../../takeout/keep-notes.ts';
import type { Takeout } from '../../takeout/open-takeout.ts';
import type { SourceNotes } from '../source.ts';
import type { FeedOptions } from './archive-order-feed.ts';
import { contentFeed } from './content-feed.ts';

/** One Keep per account: the key does not depend on the archive's language. */
export const notesSourceKey = 'google-keep';

export function takeoutNotes(
  takeout: Takeout,
  keep: KeepLibrary,
  feedOptions: Omit<FeedOptions, 'signal'> = {},
): SourceNotes {
  return {
    key: notesSourceKey,
    notes: keep.notes,
    trashed: keep.trashed,
    feed: (wanted, signal) => contentFeed(takeout, keep.entries, wanted, signal, feedOptions),
  };
}
