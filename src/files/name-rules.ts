// One file or folder name made valid on the family's new server and on the computers they will
// sync it to. Pure and deterministic: the same name always becomes the same name.
//
// What is refused, and by whom:
// - Nextcloud (lib/private/Files/FilenameValidator.php, checked on every WebDAV write): `/` and
//   `\`, characters 0–31, names longer than 250 bytes (`isset($filename[250])`: the file cache
//   column), empty or blank names, `.` and `..`, `.htaccess` (`forbidden_filenames` default),
//   names ending in `.part` (always) or `.filepart` (`forbidden_filename_extensions` default).
//   Hosts that tick "Windows compatible filenames" (Nextcloud 31+) also refuse Windows' rules.
// - Windows (learn.microsoft.com "Naming Files, Paths, and Namespaces"): `< > : " / \ | ? *` and
//   0–31, a trailing dot or space, the device names CON PRN AUX NUL COM0–9 LPT0–9 (also COM¹²³,
//   LPT¹²³), with or without an extension, in any case.
// - Apache mod_dav_fs keeps its own state in a `.DAV` folder in each folder: the name is refused
//   (403, measured on 2.4.71). Debian's Apache configuration refuses `.ht*` files.
// Google Takeout itself already replaces Windows' characters with `_` (TAKEOUT-NOTES §1.4), so
// the same replacement looks familiar.

/** Nextcloud refuses a name of more than 250 bytes; ext4 and Windows allow 255. */
export const maxSegmentBytes = 250;

// Control characters are the point of this pattern.
// eslint-disable-next-line no-control-regex
const forbiddenCharacters = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const trailingDotsAndSpaces = /[. ]+$/;

const reservedDevices = new Set([
  'CON',
  'PRN',
  'AUX',
  'NUL',
  ...Array.from({ length: 10 }, (_v, i) => `COM${i}`),
  ...Array.from({ length: 10 }, (_v, i) => `LPT${i}`),
  'COM¹',
  'COM²',
  'COM³',
  'LPT¹',
  'LPT²',
  'LPT³',
]);

/** Whole names servers keep for themselves (compared without case). */
const reservedNames = new Set(['.htaccess', '.htpasswd', '.dav']);

/** Endings Nextcloud keeps for its unfinished uploads (compared without case). */
const reservedEndings = ['.part', '.filepart'];

/** Why a name is not valid as it is; empty when it is. Used by tests and as a last check. */
export function segmentFaults(name: string): string[] {
  const faults: string[] = [];
  // PHP's trim(), which Nextcloud uses, strips only these; other blanks (NBSP…) make a name.
  if (/^[ \t\n\r\0\v]*$/.test(name)) faults.push('empty');
  if (name === '.' || name === '..') faults.push('dots');
  if (new RegExp(forbiddenCharacters.source).test(name)) faults.push('character');
  if (new RegExp(loneSurrogate.source).test(name)) faults.push('surrogate');
  if (name !== name.normalize('NFC')) faults.push('not-nfc');
  if (trailingDotsAndSpaces.test(name)) faults.push('trailing');
  if (Buffer.byteLength(name, 'utf8') > maxSegmentBytes) faults.push('too-long');
  if (reservedDevices.has(deviceStem(name))) faults.push('device');
  const lower = name.toLowerCase();
  if (reservedNames.has(lower)) faults.push('reserved');
  if (reservedEndings.some((ending) => lower.endsWith(ending))) faults.push('ending');
  return faults;
}

export function isValidSegment(name: string): boolean {
  return segmentFaults(name).length === 0;
}

/**
 * The valid name closest to `name`: forbidden characters become `_`, trailing dots and spaces go,
 * an over-long name is shortened (keeping its extension, cutting between characters as people
 * see them), reserved names get a `_`. A valid name comes back unchanged.
 */
export function validSegment(name: string): string {
  let result = name.replace(loneSurrogate, '_').normalize('NFC').replace(forbiddenCharacters, '_');
  result = stripTrailing(result);
  result = limitBytes(result, maxSegmentBytes);
  const lower = result.toLowerCase();
  const ending = reservedEndings.find((suffix) => lower.endsWith(suffix));
  if (ending !== undefined) {
    // `film.part` → `film_part`: the same length, and no longer an unfinished upload.
    const dot = result.length - ending.length;
    result = `${result.slice(0, dot)}_${result.slice(dot + 1)}`;
  }
  if (reservedDevices.has(deviceStem(result))) {
    // `CON.txt` → `CON_.txt`, `nul` → `nul_`.
    const dot = result.indexOf('.');
    result = dot < 0 ? `${result}_` : `${result.slice(0, dot)}_${result.slice(dot)}`;
  }
  if (reservedNames.has(result.toLowerCase())) result = `_${result.slice(1)}`;
  return result;
}

/** Windows and Nextcloud read a device name up to the first dot (`nul.tar.gz`), spaces aside. */
function deviceStem(name: string): string {
  const dot = name.indexOf('.');
  return (dot < 0 ? name : name.slice(0, dot)).trimEnd().toUpperCase();
}

function stripTrailing(name: string): string {
  const stripped = name.replace(trailingDotsAndSpaces, '');
  return stripped === '' ? '_' : stripped;
}

/**
 * A name's extension, when it looks like one (`.pdf`, `.docx`, `.tar`): kept when the name must
 * be shortened or numbered. A long "extension" is a sentence with a dot in it, not a type.
 */
export function splitExtension(name: string): { stem: string; extension: string } {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return { stem: name, extension: '' };
  const extension = name.slice(dot);
  if (!/^\.[^. ]{1,16}$/u.test(extension)) return { stem: name, extension: '' };
  return { stem: name.slice(0, dot), extension };
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** The first graphemes of `text`: never half a character, an accent or an emoji. */
export function graphemePrefix(text: string, fits: (prefix: string) => boolean): string {
  if (fits(text)) return text;
  let prefix = '';
  for (const { segment } of graphemes.segment(text)) {
    if (!fits(prefix + segment)) break;
    prefix += segment;
  }
  return prefix;
}

/** Shortens the stem (never the extension) until the whole name fits in `bytes` UTF-8 bytes. */
export function limitBytes(name: string, bytes: number): string {
  if (Buffer.byteLength(name, 'utf8') <= bytes) return name;
  const { stem, extension } = splitExtension(name);
  const room = bytes - Buffer.byteLength(extension, 'utf8');
  const kept = graphemePrefix(stem, (prefix) => Buffer.byteLength(prefix, 'utf8') <= room);
  return stripTrailing(kept) + extension;
}
