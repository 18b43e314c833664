// Radicale 3.1.8 (Debian package `radicale`), configured as a small host would run it.
//
// - Basic auth against an htpasswd file (APR1-MD5, see users.ts); rights `owner_only`: each
//   user reads and writes only below `/<name>/`, which is their principal and also their
//   calendar-home-set and addressbook-home-set. Radicale creates it at the first
//   authenticated request.
// - Storage: `multifilesystem` in dataDir, as `collection-root/<name>/<collection>/<item>`.
// - Left at Radicale's defaults on purpose, because clients meet them in the wild: `GET /`
//   redirects (302) to `/.web` (the built-in web UI); `/.well-known/caldav|carddav` redirect
//   (301) to `/`, where PROPFIND finds `current-user-principal`; responses are HTTP/1.0 and the
//   connection is closed after each one (no keep-alive with its built-in server).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DavServer, StartOptions } from './dav-server.ts';
import { INSTANCE_HEADER, launchOnFreePort } from './launch-server.ts';
import {
  answersAsInstance,
  DEFAULT_START_TIMEOUT_MS,
  newInstanceId,
  runningServer,
} from './running-server.ts';
import { spawnServer } from './server-process.ts';
import { makeCredentials, writeHtpasswd } from './users.ts';
import { makeWorkDir, removeWorkDir } from './work-dir.ts';

export async function startRadicale(options: StartOptions = {}): Promise<DavServer> {
  const deadline = Date.now() + (options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS);
  const credentials = makeCredentials(options.users);
  const work = await makeWorkDir('radicale');
  try {
    const htpasswd = join(work.etc, 'htpasswd');
    await writeHtpasswd(htpasswd, credentials);
    const instance = newInstanceId();
    const configPath = join(work.etc, 'radicale.conf');
    const { port, processes } = await launchOnFreePort({
      label: 'Radicale',
      deadline,
      launch: async (port) => {
        await writeFile(configPath, radicaleConfig({ port, htpasswd, data: work.data, instance }));
        // --config replaces the default search path (/etc/radicale/config, ~/.config/radicale/config).
        const server = spawnServer({
          command: 'radicale',
          args: ['--config', configPath],
          cleanupDir: work.root,
          label: 'radicale',
        });
        return [server];
      },
      isReady: (port) => answersAsInstance(port, instance),
    });
    return runningServer({
      kind: 'radicale',
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

function radicaleConfig(settings: {
  port: number;
  htpasswd: string;
  data: string;
  instance: string;
}): string {
  return `# One throwaway Radicale for a Baluchon test (tests/harness/radicale.ts).
[server]
hosts = 127.0.0.1:${settings.port}
# Default 8. Each connection gets a thread; writes still take Radicale's storage lock in turn.
max_connections = 32

[auth]
type = htpasswd
htpasswd_filename = ${settings.htpasswd}
htpasswd_encryption = md5
# Radicale sleeps 0.5 to 1.5 s after every failed login (a brute-force brake). Tests of wrong
# passwords would pay it on each request, and nothing in Baluchon depends on it.
delay = 0

[rights]
type = owner_only

[storage]
filesystem_folder = ${settings.data}

[web]
type = internal

[logging]
level = warning

[headers]
${INSTANCE_HEADER} = ${settings.instance}
`;
}
