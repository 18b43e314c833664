import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ChunkReader } from '../../src/files/chunk-reader.ts';

async function collect(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** A source that hands out its bytes in uneven pieces, as a file or an inflater does. */
function source(content: Buffer, piece = 7777): Readable {
  const pieces: Buffer[] = [];
  for (let at = 0; at < content.length; at += piece) pieces.push(content.subarray(at, at + piece));
  return Readable.from(pieces);
}

describe('ChunkReader', () => {
  it('cuts a stream into consecutive pieces of exact lengths, and hashes the whole', async () => {
    const content = randomBytes(100_000);
    const reader = new ChunkReader(source(content), content.length);
    const first = await collect(reader.slice(30_000));
    const second = await collect(reader.slice(30_000));
    const last = await collect(reader.slice(40_000));
    await reader.finish();
    expect(Buffer.concat([first, second, last]).equals(content)).toBe(true);
    expect(first.length).toBe(30_000);
    expect(reader.digest()).toBe(createHash('sha256').update(content).digest('hex'));
  });

  it('skips what an earlier run sent, still counting it in the hash', async () => {
    const content = randomBytes(50_000);
    const reader = new ChunkReader(source(content), content.length);
    await reader.skip(20_000);
    expect(reader.position).toBe(20_000);
    expect((await collect(reader.slice(30_000))).equals(content.subarray(20_000))).toBe(true);
    expect(reader.digest()).toBe(createHash('sha256').update(content).digest('hex'));
  });

  it('a source shorter or longer than declared is the source’s failure', async () => {
    const short = new ChunkReader(source(randomBytes(1000)), 2000);
    await expect(collect(short.slice(2000))).rejects.toThrow(/files.source-unreadable/);
    expect(short.failure).toMatch(/1000 bytes instead of the 2000/);
    const long = new ChunkReader(source(randomBytes(3000)), 2000);
    await collect(long.slice(2000)).catch(() => undefined);
    await expect(long.finish()).rejects.toThrow(/files.source-unreadable/);
  });

  it('a source that breaks is the source’s failure', async () => {
    const broken = new Readable({
      read() {
        this.destroy(new Error('invalid stored block lengths'));
      },
    });
    const reader = new ChunkReader(broken, 10);
    await expect(collect(reader.slice(10))).rejects.toThrow(/files.source-unreadable/);
    expect(reader.failure).toBe('invalid stored block lengths');
  });
});
