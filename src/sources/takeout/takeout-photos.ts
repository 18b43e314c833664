// Google Photos in a Takeout, as the port's SourcePhotos: the library the inventory built once
// (src/takeout/photos-library.ts: each picture once, with its albums) and a feed of the wanted
// pictures' bytes, by key, read the way the archive reads best (content-feed.ts).
import type { Takeout } from '../../takeout/open-takeout.ts';
import type { PhotosLibrary } from '../../takeout/photos-library.ts';
import type { SourcePhotos } from '../source.ts';
import type { FeedOptions } from './archive-order-feed.ts';
import { contentFeed } from './content-feed.ts';

/** One Google Photos per account: the key does not depend on the archive's language. */
export const photosSourceKey = 'google-photos';

export function takeoutPhotos(
  takeout: Takeout,
  library: PhotosLibrary,
  feedOptions: Omit<FeedOptions, 'signal'> = {},
): SourcePhotos {
  return {
    key: photosSourceKey,
    photos: library.photos,
    bytes: library.summary.bytes,
    albums: library.albums,
    feed: (wanted, signal) => contentFeed(takeout, library.entries, wanted, signal, feedOptions),
  };
}
