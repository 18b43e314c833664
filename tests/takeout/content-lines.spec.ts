import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContentLineSplitter, startsContentLine } from '../../src/takeout/content-lines.ts';
import { timePerCall } from '../support/time-per-call.ts';

interface Seen {
  lines: [string, number][];
  repaired: number[];
  tooLong: number[];
}

function split(chunks: (string | Buffer)[], maxBytes?: number): Seen {
  const seen: Seen = { lines: [], repaired: [], tooLong: [] };
  const splitter = new ContentLineSplitter(
    {
      line: (buf, start, end, n) => seen.lines.push([buf.toString('utf8', start, end), n]),
      repaired: (n) => seen.repaired.push(n),
      tooLong: (n) => seen.tooLong.push(n),
    },
    maxBytes,
  );
  for (const chunk of chunks) splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  splitter.end();
  return seen;
}

const texts = (seen: Seen): string[] => seen.lines.map(([text]) => text);

describe('ContentLineSplitter', () => {
  it('unfolds CRLF or LF followed by one space or tab (RFC 5545 §3.1)', () => {
    const seen = split([
      'DESCRIPTION:Jeden letzten Freitag im Monat <a href="https://www.instagram.c\r\n',
      ' om/p/x">x</a>\r\n\tsuite\nSUMMARY:Karaoke\r\n',
    ]);
    expect(texts(seen)).toEqual([
      'DESCRIPTION:Jeden letzten Freitag im Monat <a href="https://www.instagram.com/p/x">x</a>suite',
      'SUMMARY:Karaoke',
    ]);
    expect(seen.lines.map(([, n]) => n)).toEqual([1, 4]);
  });

  it('keeps the second space of a continuation that starts with two (fold space + content space)', () => {
    expect(texts(split(['ADR;TYPE=HOME:;;123 Home St\r\n  Home City\r\n']))).toEqual([
      'ADR;TYPE=HOME:;;123 Home St Home City',
    ]);
  });

  it('reads a last line that has no line break, and strips a byte order mark', () => {
    expect(texts(split(['\uFEFFBEGIN:VCARD\r\nEND:VCARD']))).toEqual(['BEGIN:VCARD', 'END:VCARD']);
  });

  it('unfolds a fold that splits a UTF-8 character between its bytes', () => {
    const bytes = Buffer.from('SUMMARY:Fête de Noël', 'utf8');
    const cut = bytes.indexOf(0xaa); // second byte of "ê" (c3 aa)
    const folded = Buffer.concat([
      bytes.subarray(0, cut),
      Buffer.from('\r\n '),
      bytes.subarray(cut),
      Buffer.from('\r\n'),
    ]);
    expect(texts(split([folded]))).toEqual(['SUMMARY:Fête de Noël']);
  });

  it('joins back a line whose fold lost its leading space, and counts it as repaired', () => {
    // tests/fixtures/google-samples/gcontacts-cozy-google-full.vcf, lines 26–27.
    const seen = split([
      'ADR;TYPE=HOME:;;678 Plain Home Address\\nAll one field 354\\nBridgeport CT 06\n834;;;;\nBDAY:1961-04-05\n',
    ]);
    expect(texts(seen)).toEqual([
      'ADR;TYPE=HOME:;;678 Plain Home Address\\nAll one field 354\\nBridgeport CT 06834;;;;',
      'BDAY:1961-04-05',
    ]);
    expect(seen.repaired).toEqual([2]);
  });

  it('does not mistake a property whose parameters continue on the next line for a broken one', () => {
    const seen = split([
      'ATTENDEE;CUTYPE=INDIVIDUAL;CN=Contac\r\n ts;X-NUM-GUESTS=0:mailto:a@virtual\r\n',
    ]);
    expect(texts(seen)).toEqual([
      'ATTENDEE;CUTYPE=INDIVIDUAL;CN=Contacts;X-NUM-GUESTS=0:mailto:a@virtual',
    ]);
    expect(seen.repaired).toEqual([]);
  });

  it('joins vCard 2.1 quoted-printable soft line breaks', () => {
    const seen = split([
      'NOTE;ENCODING=QUOTED-PRINTABLE:Premi=C3=A8re ligne=\r\n=C3=A9t=C3=A9\r\nFN:A\r\n',
    ]);
    expect(texts(seen)).toEqual([
      'NOTE;ENCODING=QUOTED-PRINTABLE:Premi=C3=A8re ligne=C3=A9t=C3=A9',
      'FN:A',
    ]);
    expect(seen.repaired).toEqual([]);
  });

  it('drops a logical line longer than the limit, with its continuations, and goes on', () => {
    const seen = split(['SUMMARY:ok\r\nPHOTO:', 'x'.repeat(100), '\r\n more\r\nFN:after\r\n'], 64);
    expect(texts(seen)).toEqual(['SUMMARY:ok', 'FN:after']);
    expect(seen.tooLong).toEqual([2]);
  });

  it('drops one overlong physical line even when no line break arrives for a long time', () => {
    const seen = split(
      ['FN:a\r\nNOTE:', 'y'.repeat(50), 'y'.repeat(50), 'y'.repeat(50), '\r\nFN:b'],
      64,
    );
    expect(texts(seen)).toEqual(['FN:a', 'FN:b']);
    expect(seen.tooLong).toHaveLength(1);
  });

  it('tells a property start from text', () => {
    const starts = (text: string): boolean => startsContentLine(Buffer.from(text), 0, text.length);
    expect(starts('item1.X-ABLabel:GRAND_CENTRAL')).toBe(true);
    expect(starts('X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-ADDRESS="Ro')).toBe(true);
    expect(starts('834;;;;')).toBe(false);
    expect(starts('\\nArbitrary_String: Another custom field')).toBe(false);
    expect(starts('no colon here')).toBe(false);
    // A name cut by a fold before its colon.
    expect(starts('X-NUM-GUE')).toBe(true);
  });
});

/** Content lines as a generator would write them, unfolded, with UTF-8 beyond ASCII. */
const contentLine = fc
  .tuple(
    fc.constantFrom('SUMMARY', 'DESCRIPTION', 'X-WR-CALNAME', 'item1.TEL', 'LOCATION'),
    fc.constantFrom('', ';TZID=Europe/Paris', ';X-ADDRESS="a:b;c"'),
    fc.string({
      unit: fc.constantFrom('a', 'é', ' ', ':', ';', ',', 'Ω', '€', '漢', '😀', 'z', '\\'),
      maxLength: 200,
    }),
  )
  .map(([name, params, value]) => `${name}${params}:${value}`.trimEnd());

/** Folds a line at random byte positions (even inside a UTF-8 character), with CRLF or LF. */
function foldAt(line: string, cuts: number[], eols: boolean[]): Buffer {
  const bytes = Buffer.from(line, 'utf8');
  const positions = [...new Set(cuts.map((cut) => 1 + (cut % Math.max(1, bytes.length - 1))))]
    .filter((position) => position < bytes.length)
    .sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let start = 0;
  positions.forEach((position, i) => {
    pieces.push(
      bytes.subarray(start, position),
      Buffer.from(eols[i % eols.length] === true ? '\r\n' : '\n'),
      Buffer.from(i % 3 === 2 ? '\t' : ' '),
    );
    start = position;
  });
  pieces.push(bytes.subarray(start));
  return Buffer.concat(pieces);
}

describe('ContentLineSplitter, whatever the folding', () => {
  it('gives back the same lines for any fold positions, line ends and chunk boundaries', () => {
    fc.assert(
      fc.property(
        fc.array(contentLine, { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat({ max: 300 }), { maxLength: 10 }),
        fc.boolean(),
        (lines, cuts, eols, chunkCuts, finalEol) => {
          const text = Buffer.concat(
            lines.map((line, i) => {
              const last = i === lines.length - 1;
              const eol = eols[i % eols.length] === true ? '\r\n' : '\n';
              return Buffer.concat([
                foldAt(line, cuts, eols),
                Buffer.from(last && !finalEol ? '' : eol),
              ]);
            }),
          );
          const boundaries = [...new Set(chunkCuts.map((cut) => cut % (text.length + 1)))].sort(
            (a, b) => a - b,
          );
          const chunks: Buffer[] = [];
          let start = 0;
          for (const boundary of boundaries) {
            chunks.push(text.subarray(start, boundary));
            start = boundary;
          }
          chunks.push(text.subarray(start));
          const seen = split(chunks);
          expect(texts(seen)).toEqual(lines);
          expect(seen.repaired).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// Issue 12, point 3: the splitter re-copied and re-searched the carried line on every chunk, so
// one long line cost n² (16 MB: 11 s, ×4 per doubling). Compared with the same bytes cut into
// ordinary lines, fed in the same chunks: linear, the two cost about the same (measured 0.2–0.4;
// 30 before the fix).
describe('ContentLineSplitter on one long line', () => {
  const size = 4 * 1024 * 1024;
  const chunkSize = 4 * 1024;
  const longLine = Buffer.concat([
    Buffer.from('PHOTO:'),
    Buffer.alloc(size, 0x41),
    Buffer.from('\r\n'),
  ]);
  const shortLines = Buffer.from(longLine);
  for (let at = 1000; at < size; at += 1000) shortLines.set([0x0a, 0x58, 0x3a], at);
  const chunks = (bytes: Buffer): Buffer[] => {
    const out: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += chunkSize)
      out.push(bytes.subarray(at, at + chunkSize));
    return out;
  };
  const feed = (pieces: readonly Buffer[]) => () => {
    let total = 0;
    const splitter = new ContentLineSplitter({
      line: (_buf, start, end) => (total += end - start),
      repaired: () => undefined,
      tooLong: () => undefined,
    });
    for (const piece of pieces) splitter.push(piece);
    splitter.end();
    if (total < size - size / 100) throw new Error(`lines lost: ${total}`);
  };

  it('reads it in time linear in its length', () => {
    const baseline = timePerCall(feed(chunks(shortLines)), { rounds: 3 });
    const cost = timePerCall(feed(chunks(longLine)), { rounds: 3 });
    expect(cost / baseline).toBeLessThan(6);
  });

  it('gives the line back whole, whatever the chunks', () => {
    const seen = split(chunks(longLine));
    expect(seen.lines).toHaveLength(1);
    expect(seen.lines[0]?.[0]).toBe(longLine.toString('latin1', 0, longLine.length - 2));
  });

  it('still drops it past the limit when it comes in many small chunks', () => {
    const seen = split([...chunks(longLine), Buffer.from('FN:after\r\n')], 1024 * 1024);
    expect(texts(seen)).toEqual(['FN:after']);
    expect(seen.tooLong).toEqual([1]);
  });
});
