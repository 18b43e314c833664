import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeZipName } from '../../src/takeout/decode-zip-name.ts';

const UTF8 = 0x800;

describe('decodeZipName', () => {
  it('reads UTF-8 when bit 11 says so (Google sets it)', () => {
    expect(decodeZipName(Buffer.from('Takeout/Tâches/Tasks.json'), UTF8, [])).toEqual({
      name: 'Takeout/Tâches/Tasks.json',
      legacy: false,
    });
  });

  it('reads valid UTF-8 without the flag as UTF-8 (macOS and Linux tools write it so)', () => {
    expect(decodeZipName(Buffer.from('Agenda/Fête.ics'), 0, [])).toEqual({
      name: 'Agenda/Fête.ics',
      legacy: false,
    });
  });

  it('reads other bytes without the flag as code page 437, as the specification says, and flags them', () => {
    // "Fête" written by an old Windows tool: ê is 0x88 in code page 437.
    const raw = Buffer.from([...Buffer.from('Agenda/F'), 0x88, ...Buffer.from('te.ics')]);
    expect(decodeZipName(raw, 0, [])).toEqual({ name: 'Agenda/Fête.ics', legacy: true });
  });

  it('flags bytes that claim UTF-8 but are not', () => {
    const raw = Buffer.from([...Buffer.from('Drive/'), 0xff, 0xfe, ...Buffer.from('.txt')]);
    expect(decodeZipName(raw, UTF8, [])).toEqual({ name: 'Drive/\uFFFD\uFFFD.txt', legacy: true });
  });

  it('prefers a matching Info-ZIP Unicode Path extra field, and ignores a stale one', () => {
    const raw = Buffer.from([...Buffer.from('F'), 0x88, ...Buffer.from('te.txt')]);
    const unicode = (forName: Buffer): Buffer => {
      const head = Buffer.alloc(5);
      head.writeUInt8(1, 0);
      head.writeUInt32LE(crc32(forName), 1);
      return Buffer.concat([head, Buffer.from('Fête.txt')]);
    };
    expect(decodeZipName(raw, 0, [{ id: 0x7075, data: unicode(raw) }])).toEqual({
      name: 'Fête.txt',
      legacy: false,
    });
    expect(
      decodeZipName(raw, 0, [{ id: 0x7075, data: unicode(Buffer.from('other')) }]).legacy,
    ).toBe(true);
  });
});
