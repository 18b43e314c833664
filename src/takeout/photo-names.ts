// A picture's full original name, given back from its sidecar's `title`. Google cuts long file
// names in the export (TAKEOUT-NOTES §5: about 47 characters with the extension) and keeps the
// whole one in the sidecar. What the file itself says wins where the title cannot know:
// - its own extension: the title may lack one (a picture uploaded as `2013-08-22` is written as
//   `2013-08-22.png`, GPTH PR #369) or name another format than the bytes Google wrote;
// - its `~2` mark (Google's second version of a picture); a `(1)` is not the picture's: Google
//   numbers two pictures of one name in one folder, each folder on its own (the same picture may
//   be `IMG(1).jpg` in its year folder and `IMG.jpg` in an album), so the title's name is taken
//   and two pictures that end up side by side are told apart where they arrive;
// - an edited copy's suffix: `IMG_1234-modifié.jpg` stays so (the original's sidecar titles it),
//   with the original's full name before the suffix when the file's was cut.
import { originalOfEdited } from '../photos/edited-suffixes.ts';

const VIDEO = new Set([
  'mp4',
  'mov',
  'm4v',
  '3gp',
  '3g2',
  'avi',
  'mkv',
  'mts',
  'm2ts',
  'mpg',
  'mpeg',
  'wmv',
  'webm',
  'mp',
  'mv',
]);
const STILL = new Set([
  'jpg',
  'jpeg',
  'jpe',
  'heic',
  'heif',
  'png',
  'gif',
  'webp',
  'tif',
  'tiff',
  'bmp',
  'dng',
  'avif',
  'raw',
  'cr2',
  'nef',
  'arw',
]);

export function isVideoName(name: string): boolean {
  return VIDEO.has(extensionOfName(name));
}

export function isStillName(name: string): boolean {
  return STILL.has(extensionOfName(name));
}

/** `IMG_1234.JPG` → `jpg`; no extension → ''. */
function extensionOfName(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** `IMG.tar.jpg` → `IMG.tar` and `.jpg`; `.jpg` or `IMG` → themselves and ''. */
export function splitName(name: string): { stem: string; extension: string } {
  const dot = name.lastIndexOf('.');
  return dot <= 0
    ? { stem: name, extension: '' }
    : { stem: name.slice(0, dot), extension: name.slice(dot) };
}

/**
 * The name a picture moves under: `fileName` as Google wrote it in the export, `title` its
 * sidecar's (null: none paired, the file's own name stays).
 */
export function restoredName(fileName: string, title: string | null): string {
  const file = splitName(fileName.normalize('NFC'));
  if (title === null || !usableTitle(title)) return file.stem + file.extension;
  const titleStem = stemOfTitle(title.normalize('NFC').trim());
  const original = originalOfEdited(file.stem);
  if (original !== null) {
    const suffix = file.stem.slice(original.length);
    return restoredStem(original, titleStem) + suffix + file.extension;
  }
  return restoredStem(file.stem, titleStem) + file.extension;
}

/** A title with a path separator or control characters is not a name: the file's stays. */
function usableTitle(title: string): boolean {
  // eslint-disable-next-line no-control-regex
  return title.trim() !== '' && !/[/\\\u0000-\u001f\u007f]/.test(title);
}

/** The title without its extension, when it ends with a picture's or a video's. */
function stemOfTitle(title: string): string {
  const { stem, extension } = splitName(title);
  return extension !== '' && (isVideoName(title) || isStillName(title)) && stem.trim() !== ''
    ? stem
    : title;
}

/** The title's stem when the file's is it or a cut of it (keeping a `~2` mark); else the file's. */
function restoredStem(fileStem: string, titleStem: string): string {
  if (startsWithIgnoringCase(titleStem, fileStem)) return titleStem;
  const marked = /^(.*?)(\(\d+\)|~\d+)$/.exec(fileStem);
  if (marked?.[1] !== undefined && marked[2] !== undefined && marked[1] !== '') {
    if (startsWithIgnoringCase(titleStem, marked[1])) {
      return marked[2].startsWith('(') ? titleStem : titleStem + marked[2];
    }
  }
  return fileStem;
}

function startsWithIgnoringCase(text: string, prefix: string): boolean {
  return text.toLowerCase().startsWith(prefix.toLowerCase());
}
