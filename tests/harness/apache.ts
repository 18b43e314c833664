// Apache mod_dav (Debian apache2 2.4): a plain WebDAV server, as a host without Nextcloud
// would offer files.
//
// - Basic auth against an htpasswd file (APR1-MD5). Each user has a folder `/<name>/` that
//   only they may use (`Require user`); the root `/` is open to every valid user.
// - Files live in dataDir/<name>/ (mod_dav_fs). The lock database is in the work folder.
// - Measured on 2.4.71: no quota properties (mod_dav_fs has no DAVQuota: PROPFIND answers
//   404 for quota-available-bytes and quota-used-bytes); ETags are "size-mtime", and *weak*
//   (W/"…") while the file changed less than a second ago — If-Match compares strongly, so
//   If-Match with such a weak ETag fails with 412 until the second has passed. PROPFIND
//   with `Depth: infinity` is refused (403, DavDepthInfinity Off by default).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunAs } from './apache-process.ts';
import {
  apacheBaseConfig,
  apacheDiagnostics,
  apacheRunAs,
  openToWorkers,
  spawnApache,
} from './apache-process.ts';
import type { DavServer, StartOptions } from './dav-server.ts';
import { launchOnFreePort } from './launch-server.ts';
import {
  answersAsInstance,
  DEFAULT_START_TIMEOUT_MS,
  newInstanceId,
  runningServer,
} from './running-server.ts';
import type { Credentials } from './users.ts';
import { makeCredentials, writeHtpasswd } from './users.ts';
import type { WorkDir } from './work-dir.ts';
import { makeWorkDir, removeWorkDir } from './work-dir.ts';

export async function startApache(options: StartOptions = {}): Promise<DavServer> {
  const deadline = Date.now() + (options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS);
  const credentials = makeCredentials(options.users);
  const work = await makeWorkDir('apache');
  try {
    const htpasswd = join(work.etc, 'htpasswd');
    await writeHtpasswd(htpasswd, credentials);
    const folders = credentials.map(({ name }) => join(work.data, name));
    await Promise.all(folders.map((folder) => mkdir(folder)));
    const runAs = await apacheRunAs();
    // The workers write the files and the lock database.
    await openToWorkers(runAs, work, [work.data, work.run, ...folders]);
    const instance = newInstanceId();
    const { port, processes } = await launchOnFreePort({
      label: 'Apache (WebDAV)',
      deadline,
      launch: async (port) => [
        await spawnApache(
          work,
          webdavConfig({ port, work, runAs, htpasswd, credentials, instance }),
        ),
      ],
      isReady: (port) => answersAsInstance(port, instance),
      diagnostics: apacheDiagnostics(work),
    });
    return runningServer({
      kind: 'apache',
      port,
      credentials,
      homePath: (name) => `${name}/`,
      work,
      processes,
    });
  } catch (error) {
    await removeWorkDir(work);
    throw error;
  }
}

function webdavConfig(settings: {
  port: number;
  work: WorkDir;
  runAs: RunAs | undefined;
  htpasswd: string;
  credentials: readonly Credentials[];
  instance: string;
}): string {
  const { work } = settings;
  const userFolders = settings.credentials
    .map(
      ({ name }) => `<Directory "${join(work.data, name)}">
  Require user ${name}
</Directory>`,
    )
    .join('\n');
  return `${apacheBaseConfig({
    port: settings.port,
    work,
    runAs: settings.runAs,
    instance: settings.instance,
    modules: [
      'authn_core',
      'authn_file',
      'authz_core',
      'authz_user',
      'auth_basic',
      'mime',
      'dav',
      'dav_fs',
    ],
  })}
# getcontenttype comes from the file name, as on any real server.
TypesConfig /etc/mime.types
DavLockDB "${work.run}/davlock"
DocumentRoot "${work.data}"

<Directory "${work.data}">
  Dav On
  AuthType Basic
  AuthName "Baluchon test WebDAV"
  AuthBasicProvider file
  AuthUserFile "${settings.htpasswd}"
  Require valid-user
</Directory>
${userFolders}
`;
}
