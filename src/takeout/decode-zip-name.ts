// Turns a zip entry's name bytes into text. The zip specification (APPNOTE 6.3.10, §4.4.4 and
// appendix D) says: UTF-8 when general purpose bit 11 is set, IBM code page 437 otherwise, and
// the Info-ZIP Unicode Path extra field (0x7075) overrides both when its CRC matches.
//
// Google sets bit 11. Other tools do not always: macOS and most Linux tools write UTF-8 without
// the flag, Windows' Explorer writes the OEM code page. So, without the flag:
// - bytes that form valid UTF-8 with at least one multi-byte character are read as UTF-8 (code
//   page 437 text practically never forms valid UTF-8: its accented letters are bytes 0x80–0xA5,
//   which cannot start a UTF-8 sequence);
// - anything else is read as code page 437, as the specification says, and flagged `legacy` so
//   the family is told the name may not look as it did.
// With the flag but invalid UTF-8, the damaged bytes become U+FFFD and the name is flagged.
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import type { ExtraField } from 'yauzl';

export interface DecodedName {
  readonly name: string;
  /** The name could not be read as UTF-8: it was decoded some other way and may look wrong. */
  readonly legacy: boolean;
}

const UTF8_FLAG = 0x800;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeZipName(
  raw: Buffer,
  generalPurposeBitFlag: number,
  extraFields: readonly ExtraField[],
): DecodedName {
  const unicodePath = extraFields.find((field) => field.id === 0x7075)?.data;
  // Version 1, then the CRC-32 of the header's name: a stale field (name changed since) is ignored.
  if (
    unicodePath !== undefined &&
    unicodePath.length >= 6 &&
    unicodePath[0] === 1 &&
    unicodePath.readUInt32LE(1) === crc32(raw)
  ) {
    const name = tryUtf8(unicodePath.subarray(5));
    if (name !== null) return { name, legacy: false };
  }
  if (isAscii(raw)) return { name: raw.toString('latin1'), legacy: false };
  const utf8 = tryUtf8(raw);
  if ((generalPurposeBitFlag & UTF8_FLAG) !== 0) {
    return utf8 === null
      ? { name: raw.toString('utf8'), legacy: true }
      : { name: utf8, legacy: false };
  }
  if (utf8 !== null) return { name: utf8, legacy: false };
  return { name: cp437(raw), legacy: true };
}

/** Decodes bytes as code page 437 (yauzl's table: no UTF-8 flag, no extra field). */
function cp437(raw: Buffer): string {
  return yauzl.getFileNameLowLevel(0, raw, [], true);
}

function tryUtf8(raw: Buffer): string | null {
  try {
    return strictUtf8.decode(raw);
  } catch {
    return null;
  }
}

function isAscii(raw: Buffer): boolean {
  for (const byte of raw) if (byte >= 0x80) return false;
  return true;
}
