// Xandikos 0.2.8 (Debian package `xandikos`) behind an authenticating Apache reverse proxy,
// the deployment its documentation recommends: Xandikos itself has no authentication.
//
// - Xandikos serves one principal, `/<name>/`, on a Unix socket in the work folder
//   (`--current-user-principal /<name>/`, `--defaults`: it creates the principal, the homes
//   `/<name>/calendars/` and `/<name>/contacts/`, a calendar `calendars/calendar/`, an address
//   book `contacts/addressbook/` and a scheduling inbox). Storage: one Git repository per
//   collection below dataDir.
// - Apache (mod_proxy_http + mod_auth_basic, htpasswd APR1-MD5) listens on the port and
//   answers 401 to a missing or wrong password, then forwards everything to the socket.
// - `/.well-known/caldav` and `/.well-known/carddav` are forwarded *without* authentication
//   (as in Xandikos' nginx example) and Xandikos answers 302 to `/` (its route prefix), where
//   an authenticated PROPFIND finds `current-user-principal`.
// - Xandikos has one fixed principal per process, so a server has exactly one user.
// - Xandikos is strict about request bodies: a PROPFIND or REPORT body without an XML
//   Content-Type (e.g. curl's default form type) gets 415.
import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import {
  apacheBaseConfig,
  apacheDiagnostics,
  apacheRunAs,
  openToWorkers,
  spawnApache,
} from './apache-process.ts';
import type { RunAs } from './apache-process.ts';
import type { DavServer, StartOptions } from './dav-server.ts';
import { INSTANCE_HEADER, launchOnFreePort } from './launch-server.ts';
import { DEFAULT_START_TIMEOUT_MS, newInstanceId, runningServer } from './running-server.ts';
import type { ServerProcess } from './server-process.ts';
import { spawnServer } from './server-process.ts';
import { basicAuth, makeCredentials, writeHtpasswd } from './users.ts';
import { httpProbe } from './wait-until-ready.ts';
import type { WorkDir } from './work-dir.ts';
import { makeWorkDir } from './work-dir.ts';
import { stopAll } from './running-server.ts';

export interface XandikosOptions extends StartOptions {
  /** Let Xandikos create its default calendar and address book (default true, as `--defaults`). */
  readonly defaultCollections?: boolean;
}

export async function startXandikos(options: XandikosOptions = {}): Promise<DavServer> {
  const deadline = Date.now() + (options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS);
  const credentials = makeCredentials(options.users);
  const [user, ...others] = credentials;
  if (user === undefined || others.length > 0) {
    throw new Error(
      'Xandikos serves a single principal: start one Xandikos per user (got ' +
        `${credentials.length} users).`,
    );
  }
  const work = await makeWorkDir('xandikos');
  const started: ServerProcess[] = [];
  try {
    const htpasswd = join(work.etc, 'htpasswd');
    await writeHtpasswd(htpasswd, credentials);
    const socket = join(work.run, 'xandikos.sock');
    const xandikos = spawnServer({
      command: 'xandikos',
      args: [
        '--directory',
        work.data,
        options.defaultCollections === false ? '--autocreate' : '--defaults',
        '--current-user-principal',
        `/${user.name}/`,
        // A path (it contains "/") makes Xandikos listen on a Unix socket: no second port.
        '--listen-address',
        socket,
      ],
      cleanupDir: work.root,
      label: 'xandikos',
    });
    started.push(xandikos);
    const runAs = await apacheRunAs();
    await openToWorkers(runAs, work, []);
    const backendUp = backendReadiness(socket, runAs);
    const instance = newInstanceId();
    const authorization = basicAuth(user);
    const { port, processes } = await launchOnFreePort({
      label: 'Xandikos behind Apache',
      deadline,
      dependencies: [xandikos],
      launch: async (port) => [
        await spawnApache(work, proxyConfig({ port, work, runAs, htpasswd, socket, instance })),
      ],
      // Ready when a request goes through Apache, its authentication and on to Xandikos.
      isReady: async (port) => {
        if (!(await backendUp())) return false;
        const answer = await httpProbe({ port, path: '/health', headers: { authorization } });
        return answer?.status === 200 && answer.headers[INSTANCE_HEADER] === instance;
      },
      diagnostics: apacheDiagnostics(work),
    });
    started.push(...processes);
    return runningServer({
      kind: 'xandikos',
      port,
      credentials,
      homePath: (name) => `${name}/`,
      work,
      processes: started,
    });
  } catch (error) {
    await stopAll(started, work);
    throw error;
  }
}

/** Xandikos answers on its socket; then the socket is opened to Apache's workers if needed. */
function backendReadiness(socket: string, runAs: RunAs | undefined): () => Promise<boolean> {
  let up = false;
  return async () => {
    if (up) return true;
    const answer = await httpProbe({ socketPath: socket, path: '/health' });
    if (answer?.status !== 200) return false;
    // Connecting to a Unix socket needs write permission on it; Xandikos made it 0755 as us.
    if (runAs !== undefined) await chmod(socket, 0o666);
    up = true;
    return true;
  };
}

function proxyConfig(settings: {
  port: number;
  work: WorkDir;
  runAs: RunAs | undefined;
  htpasswd: string;
  socket: string;
  instance: string;
}): string {
  return `${apacheBaseConfig({
    port: settings.port,
    work: settings.work,
    runAs: settings.runAs,
    instance: settings.instance,
    modules: [
      'authn_core',
      'authn_file',
      'authz_core',
      'authz_user',
      'auth_basic',
      'proxy',
      'proxy_http',
    ],
  })}
DocumentRoot "${settings.work.data}"
ProxyRequests Off
ProxyPreserveHost On
ProxyPass "/" "unix:${settings.socket}|http://xandikos/"

<Location "/">
  AuthType Basic
  AuthName "Xandikos"
  AuthBasicProvider file
  AuthUserFile "${settings.htpasswd}"
  Require valid-user
</Location>

# RFC 6764 discovery starts without credentials; Xandikos answers 302 to its root.
<LocationMatch "^/\\.well-known/(caldav|carddav)$">
  Require all granted
</LocationMatch>
`;
}
