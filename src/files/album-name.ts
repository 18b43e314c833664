// An album's name made acceptable to Nextcloud Photos. Pure and deterministic.
//
// The server itself checks nothing (nextcloud/photos lib/Sabre/Album/AlbumsHome.php hands the
// name to AlbumMapper::create), but an album is addressed by its name in a URL segment, and the
// Photos page refuses what @nextcloud/files' validateFilename refuses in a file name: `/` (a
// `%2F` in a path is refused by Apache's default AllowEncodedSlashes Off), `\`, control
// characters, blank names, `.` and `..`. The name is a 255-character column
// (lib/Migration/Version20000Date20220727125801.php). Windows' characters (`:`, `?`…) are left
// alone: an album is not a file any computer syncs, and "Vacances : Bretagne" should stay so.
// Replacements are the ones name-rules.ts makes for files (`_`), so both read alike.
import { graphemePrefix, maxSegmentBytes } from './name-rules.ts';

// Control characters are the point of this pattern.
// eslint-disable-next-line no-control-regex
const refusedCharacters = /[\\/\u0000-\u001f\u007f]/g;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The album name closest to `name` that Nextcloud Photos takes; a valid name is unchanged. */
export function validAlbumName(name: string): string {
  let result = name.replace(loneSurrogate, '_').normalize('NFC').replace(refusedCharacters, '_');
  // Bytes bound the characters too (250 bytes are at most 250 characters, under the column's 255).
  result = graphemePrefix(result, (prefix) => Buffer.byteLength(prefix, 'utf8') <= maxSegmentBytes);
  // PHP's trim() blanks, after the cut: the Photos page would show a name that looks empty.
  result = result.replace(/^[ \t\n\r\v]+|[ \t\n\r\v]+$/g, '');
  if (result === '' || result === '.' || result === '..')
    return '_'.repeat(Math.max(1, result.length));
  return result;
}
