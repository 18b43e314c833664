// The stand-in's Photos albums answer as the Photos app does (sources at the top of
// nextcloud-photos-albums.ts), and its files answer as before unless oc:fileid is asked for:
// these tests keep it honest, so that tests passing against it mean something.
import { afterEach, describe, expect, it } from 'vitest';
import { startNextcloudStandIn } from './nextcloud-chunked-upload.ts';
import type { NextcloudStandIn, NextcloudStandInOptions } from './nextcloud-chunked-upload.ts';

let standIn: NextcloudStandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

async function start(options: NextcloudStandInOptions = {}): Promise<NextcloudStandIn> {
  standIn = await startNextcloudStandIn(options);
  return standIn;
}

function caller(server: NextcloudStandIn) {
  const auth = `Basic ${Buffer.from(`${server.user.name}:${server.user.password}`).toString('base64')}`;
  return async (
    method: string,
    url: string,
    headers: Record<string, string> = {},
    body?: string,
  ): Promise<{ status: number; text: string }> => {
    const answer = await fetch(url, {
      method,
      headers: { authorization: auth, ...headers },
      ...(body === undefined ? {} : { body }),
    });
    return { status: answer.status, text: await answer.text() };
  };
}

const askFileId =
  '<?xml version="1.0"?><d:propfind xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns"><d:prop><oc:fileid/></d:prop></d:propfind>';

describe('Nextcloud stand-in: Photos albums', () => {
  it('makes an album once, lists it, and refuses folders inside it', async () => {
    const server = await start();
    const call = caller(server);
    expect((await call('MKCOL', `${server.albumsRoot}Vacances/`)).status).toBe(201);
    expect((await call('MKCOL', `${server.albumsRoot}Vacances/`)).status).toBe(405);
    expect((await call('MKCOL', `${server.albumsRoot}Vacances/dossier/`)).status).toBe(403);
    expect((await call('MKCOL', `${server.albumsRoot}Absent/dossier/`)).status).toBe(409);
    const listing = await call('PROPFIND', server.albumsRoot, { depth: '1' });
    expect(listing.status).toBe(207);
    expect(listing.text).toContain('/albums/Vacances/</d:href>');
    expect(listing.text).toContain('<nc:nbItems>0</nc:nbItems>');
    expect(listing.text).toContain('<nc:last-photo>-1</nc:last-photo>');
  });

  it('adds a file once by COPY (409 the second time), named <fileid>-<name>', async () => {
    const server = await start();
    const call = caller(server);
    await call('PUT', `${server.filesRoot}a.jpg`, {}, 'a');
    await call('MKCOL', `${server.albumsRoot}Vacances/`);
    const into = { destination: `${server.albumsRoot}Vacances/a.jpg` };
    expect((await call('COPY', `${server.filesRoot}a.jpg`, into)).status).toBe(201);
    expect((await call('COPY', `${server.filesRoot}a.jpg`, into)).status).toBe(409);
    const id = server.photos.fileIds.idOf('a.jpg');
    const album = await call('PROPFIND', `${server.albumsRoot}Vacances/`, { depth: '1' });
    expect(album.text).toContain(`/albums/Vacances/${id}-a.jpg</d:href>`);
    expect(album.text).toContain(`<oc:fileid>${id}</oc:fileid>`);
    expect(album.text).toContain('<nc:file-name>a.jpg</nc:file-name>');
    expect(album.text).toContain('<nc:nbItems>1</nc:nbItems>');
    expect(server.photos.albums().get('Vacances')).toEqual([id]);
  });

  it('refuses a folder (403), a missing file (404), a missing album (409)', async () => {
    const server = await start();
    const call = caller(server);
    await call('MKCOL', `${server.filesRoot}Dossier/`);
    await call('MKCOL', `${server.albumsRoot}Vacances/`);
    const into = (album: string) => ({ destination: `${server.albumsRoot}${album}/x.jpg` });
    expect((await call('COPY', `${server.filesRoot}Dossier/`, into('Vacances'))).status).toBe(403);
    expect((await call('COPY', `${server.filesRoot}absent.jpg`, into('Vacances'))).status).toBe(
      404,
    );
    await call('PUT', `${server.filesRoot}b.jpg`, {}, 'b');
    expect((await call('COPY', `${server.filesRoot}b.jpg`, into('Absent'))).status).toBe(409);
  });

  it('refuses names the Photos page refuses, and another user’s photos', async () => {
    const server = await start();
    const call = caller(server);
    expect((await call('MKCOL', `${server.albumsRoot}a%2Fb/`)).status).toBe(404);
    expect((await call('MKCOL', `${server.albumsRoot}a%5Cb/`)).status).toBe(400);
    expect((await call('MKCOL', `${server.albumsRoot}%20/`)).status).toBe(400);
    expect((await call('MKCOL', `${server.albumsRoot}${'x'.repeat(256)}/`)).status).toBe(500);
    expect((await call('MKCOL', `${server.albumsRoot}${'x'.repeat(255)}/`)).status).toBe(201);
    const other = server.albumsRoot.replace(`/${server.user.name}/`, '/paul/');
    expect((await call('PROPFIND', other, { depth: '0' })).status).toBe(403);
  });

  it('answers oc:fileid on files only when asked, stable per file', async () => {
    const server = await start();
    const call = caller(server);
    await call('PUT', `${server.filesRoot}a.jpg`, {}, 'a');
    const plain = await call('PROPFIND', `${server.filesRoot}a.jpg`, { depth: '0' });
    expect(plain.text).not.toContain('fileid');
    const asked = await call('PROPFIND', `${server.filesRoot}a.jpg`, { depth: '0' }, askFileId);
    const id = /fileid[^>]*>(\d+)</.exec(asked.text)?.[1];
    expect(id).toMatch(/^\d+$/);
    // Overwritten, the file keeps its id; the folder listing gives the same.
    await call('PUT', `${server.filesRoot}a.jpg`, {}, 'a again');
    const listing = await call('PROPFIND', server.filesRoot, { depth: '1' }, askFileId);
    expect(listing.text).toContain(`>${id}</x:fileid>`);
  });

  it('keeps a COPY between files refused as before (405)', async () => {
    const server = await start();
    const call = caller(server);
    await call('PUT', `${server.filesRoot}a.jpg`, {}, 'a');
    const copy = await call('COPY', `${server.filesRoot}a.jpg`, {
      destination: `${server.filesRoot}b.jpg`,
    });
    expect(copy.status).toBe(405);
  });

  it.each([
    ['missing', 404],
    [501, 501],
  ] as const)('without the Photos app (%s): %i below photos/', async (photos, status) => {
    const server = await start({ photos });
    const call = caller(server);
    expect((await call('PROPFIND', server.albumsRoot, { depth: '1' })).status).toBe(status);
    expect((await call('MKCOL', `${server.albumsRoot}Vacances/`)).status).toBe(status);
    await call('PUT', `${server.filesRoot}a.jpg`, {}, 'a');
    const copy = await call('COPY', `${server.filesRoot}a.jpg`, {
      destination: `${server.albumsRoot}Vacances/a.jpg`,
    });
    expect(copy.status).toBe(409);
  });
});
