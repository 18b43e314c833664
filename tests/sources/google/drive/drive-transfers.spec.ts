// Moving bytes out of Drive: a download cut mid-file is taken up with a Range (206) rather than
// started again, a server that ignores the Range fails the file instead of doubling its start,
// a wrong MD5 fails it, a document too large in every format is said and left out, and a Drive
// of more than one page is read whole.
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { FOLDER } from '../../../standins/google/drive-api.ts';
import type { StandInDriveFile } from '../../../standins/google/drive-api.ts';
import { createApiContext } from '../../../../src/google/api/create-api-context.ts';
import { openResumable } from '../../../../src/sources/google/drive/resumable-download.ts';
import type { StandInFault } from '../../../standins/google/stand-in-server.ts';
import { Readable } from 'node:stream';
import { bytesOf, startDriveStandIn } from './drive-stand-in.ts';
import type { DriveStandIn } from './drive-stand-in.ts';

const ROOT = 'root-0';
const signal = new AbortController().signal;
const base = { createdTime: '2024-01-01T00:00:00.000Z', modifiedTime: '2024-05-01T10:00:00.000Z' };
const stored = (id: string, name: string, content: Buffer, parents = [ROOT]): StandInDriveFile => ({
  ...base,
  id,
  name,
  mimeType: 'video/mp4',
  parents,
  content,
});
let standIn: DriveStandIn | null = null;
afterEach(async () => {
  await standIn?.close();
  standIn = null;
});

describe('downloading a stored file', () => {
  it('takes a cut download up where it stopped, with a Range answered 206', async () => {
    const video = randomBytes(3_000_000);
    standIn = await startDriveStandIn({ rootId: ROOT, files: [stored('v1', 'film.mp4', video)] });
    const { reading } = await standIn.read();
    const [file] = reading.files.files;
    standIn.api.cutNextDownload('v1', 1_000_000);
    const got = await bytesOf(await (file?.open(signal) ?? Promise.reject(new Error('no file'))));
    expect(got.equals(video)).toBe(true);
    const downloads = standIn.api.downloads.filter((one) => one.fileId === 'v1');
    expect(downloads[0]).toEqual({ fileId: 'v1', range: null, status: 200 });
    expect(downloads).toHaveLength(2);
    // Taken up where the bytes stopped arriving, never from 0.
    const range = /^bytes=(\d+)-$/.exec(downloads[1]?.range ?? '');
    expect(Number(range?.[1])).toBeGreaterThan(0);
    expect(Number(range?.[1])).toBeLessThanOrEqual(1_000_000);
    expect(downloads[1]?.status).toBe(206);
  });

  it('fails the file when the server answers a Range with the whole file (200)', async () => {
    const content = randomBytes(1000);
    let calls = 0;
    const stream = await openResumable(
      {
        size: content.length,
        md5: null,
        fetchFrom: (offset) => {
          calls++;
          if (offset === 0) {
            const cut = new Readable({ read() {} });
            cut.push(content.subarray(0, 400));
            setImmediate(() => cut.destroy(new Error('socket hang up')));
            return Promise.resolve({ status: 200, contentRange: null, body: cut });
          }
          return Promise.resolve({
            status: 200,
            contentRange: null,
            body: Readable.from([content]),
          });
        },
      },
      signal,
    );
    await expect(bytesOf(stream)).rejects.toThrow(/did not take up the download at byte 400/);
    expect(calls).toBe(2);
  });

  it('fails the file when the 206 does not start where the bytes stopped', async () => {
    const content = randomBytes(1000);
    const stream = await openResumable(
      {
        size: content.length,
        md5: null,
        fetchFrom: (offset) => {
          if (offset === 0) {
            const cut = new Readable({ read() {} });
            cut.push(content.subarray(0, 400));
            setImmediate(() => cut.destroy(new Error('socket hang up')));
            return Promise.resolve({ status: 200, contentRange: null, body: cut });
          }
          return Promise.resolve({
            status: 206,
            contentRange: 'bytes 0-999/1000',
            body: Readable.from([content]),
          });
        },
      },
      signal,
    );
    await expect(bytesOf(stream)).rejects.toThrow(/at byte 400 \(answered 206\)/);
  });

  it('stops the download when the family cancels', async () => {
    const video = randomBytes(4_000_000);
    standIn = await startDriveStandIn({ rootId: ROOT, files: [stored('v2', 'long.mp4', video)] });
    const { reading } = await standIn.read();
    const cancel = new AbortController();
    const stream = await (reading.files.files[0]?.open(cancel.signal) ??
      Promise.reject(new Error('no file')));
    let received = 0;
    const done = (async () => {
      for await (const chunk of stream) {
        received += (chunk as Buffer).length;
        if (received > 0 && !cancel.signal.aborted) cancel.abort();
      }
    })();
    await expect(done).rejects.toThrow(/abort/i);
    expect(received).toBeLessThan(video.length);
    // Cancelled is not a drop: nothing is asked again.
    expect(standIn.api.downloads.filter((one) => one.fileId === 'v2')).toHaveLength(1);
  });

  it('fails the file when its bytes do not match Google’s MD5', async () => {
    const content = randomBytes(1000);
    const stream = await openResumable(
      {
        size: content.length,
        md5: createHash('md5').update('autre chose').digest('hex'),
        fetchFrom: () =>
          Promise.resolve({ status: 200, contentRange: null, body: Readable.from([content]) }),
      },
      signal,
    );
    await expect(bytesOf(stream)).rejects.toThrow(/MD5/);
  });
});

describe('reading a Drive', () => {
  it('says a document Google refuses to export in every format, and leaves it out', async () => {
    const big = Buffer.alloc(2_000, 0x41);
    standIn = await startDriveStandIn({
      rootId: ROOT,
      exportLimit: 1_000,
      files: [
        {
          ...base,
          id: 'd1',
          name: 'Thèse',
          mimeType: 'application/vnd.google-apps.document',
          parents: [ROOT],
          exports: {
            'application/vnd.oasis.opendocument.text': big,
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document': big,
          },
        },
        {
          ...base,
          id: 'g1',
          name: 'Schéma',
          mimeType: 'application/vnd.google-apps.drawing',
          parents: [ROOT],
          exports: { 'image/svg+xml': Buffer.from('<svg/>') },
        },
      ],
    });
    const { reading, problems } = await standIn.read();
    expect(reading.files.files.map((file) => [file.path, file.size])).toEqual([['Schéma.svg', 6]]);
    expect(problems).toEqual([
      {
        code: 'files.google-export-too-large',
        where: 'Thèse.odt',
        params: { path: 'Thèse.odt', formats: '.odt, .docx' },
      },
    ]);
    expect(reading.facts.count).toBe(1);
  });

  it('reads every page of a Drive larger than one page', async () => {
    const files: StandInDriveFile[] = [
      { ...base, id: 'folder', name: 'Photos', mimeType: FOLDER, parents: [ROOT] },
    ];
    for (let i = 0; i < 1_205; i++) {
      files.push(
        stored(`p${String(i)}`, `IMG_${String(i).padStart(4, '0')}.jpg`, Buffer.from([i % 256]), [
          'folder',
        ]),
      );
    }
    standIn = await startDriveStandIn({ rootId: ROOT, files });
    const { reading } = await standIn.read();
    expect(reading.files.files).toHaveLength(1_205);
    expect(reading.files.bytes).toBe(1_205);
    const lists = standIn.server.requests.filter((line) => line.startsWith('GET /drive/v3/files?'));
    expect(lists).toHaveLength(2);
    expect(lists[1]).toContain('pageToken=');
  });

  it('asks nothing of Drive without the drive.readonly scope', async () => {
    standIn = await startDriveStandIn({ rootId: ROOT, files: [] }, { scopes: ['openid'] });
    await expect(standIn.read()).rejects.toThrow(/insufficient/i);
  });

  it('waits out Google’s rate limits and failures on every kind of request, through main’s backoff', async () => {
    const video = randomBytes(50_000);
    const faults = new Map<string, StandInFault>([
      ['list', 'rate-limit-429'],
      ['export', 'server-error'],
      ['media', 'rate-limit-429'],
    ]);
    const once = (kind: string): StandInFault | null => {
      const fault = faults.get(kind) ?? null;
      faults.delete(kind);
      return fault;
    };
    const waits: number[] = [];
    standIn = await startDriveStandIn(
      {
        rootId: ROOT,
        files: [
          stored('v3', 'clip.mp4', video),
          {
            ...base,
            id: 'd2',
            name: 'Courses',
            mimeType: 'application/vnd.google-apps.spreadsheet',
            parents: [ROOT],
            exports: { 'application/vnd.oasis.opendocument.spreadsheet': Buffer.from('ods') },
          },
        ],
      },
      {
        fault: (url) =>
          url.pathname.endsWith('/export')
            ? once('export')
            : url.searchParams.get('alt') === 'media'
              ? once('media')
              : url.pathname === '/drive/v3/files'
                ? once('list')
                : null,
        context: (auth, endpoints) =>
          createApiContext({
            auth,
            endpoints,
            signal,
            sleep: () => Promise.resolve(),
            random: () => 0.5,
            onWait: (wait) => waits.push(wait.status),
          }),
      },
    );
    const { reading, problems } = await standIn.read();
    expect(problems).toEqual([]);
    expect(reading.files.files.map((file) => file.path)).toEqual(['Courses.ods', 'clip.mp4']);
    const clip = reading.files.files[1];
    const got = await bytesOf(await (clip?.open(signal) ?? Promise.reject(new Error('no file'))));
    expect(got.equals(video)).toBe(true);
    expect(waits.sort()).toEqual([429, 429, 503]);
  });
});
