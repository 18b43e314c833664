// Apache httpd (Debian package apache2) run from a configuration file of our own, in the
// foreground, with only the modules it needs: the WebDAV share (apache.ts) and the
// authenticating reverse proxy in front of Xandikos (xandikos.ts) both start it from here.
import { existsSync } from 'node:fs';
import { chmod, chown, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { INSTANCE_HEADER } from './launch-server.ts';
import type { ServerProcess } from './server-process.ts';
import { spawnServer } from './server-process.ts';
import type { WorkDir } from './work-dir.ts';
import { fileTail } from './work-dir.ts';

const MODULES_DIR = '/usr/lib/apache2/modules';

/** The account Apache's worker processes use when we are root (Apache refuses root workers). */
export interface RunAs {
  readonly user: string;
  readonly group: string;
  readonly uid: number;
  readonly gid: number;
}

/**
 * Undefined when we are not root: Apache then runs everything as us and ignores User/Group.
 * As root (here and in CI), Apache keeps its parent process as root but runs the workers
 * that read and write files as `www-data` (Debian) or `nobody`.
 */
export async function apacheRunAs(): Promise<RunAs | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const passwd = await readFile('/etc/passwd', 'utf8');
  const group = await readFile('/etc/group', 'utf8');
  for (const [userName, groupNames] of [
    ['www-data', ['www-data']],
    ['nobody', ['nogroup', 'nobody']],
  ] as const) {
    const uid = idOf(passwd, userName);
    if (uid === undefined) continue;
    for (const groupName of groupNames) {
      const gid = idOf(group, groupName);
      if (gid !== undefined) return { user: userName, group: groupName, uid, gid };
    }
  }
  throw new Error('Running as root, but found neither www-data nor nobody for Apache workers.');
}

/** Field 3 of the `name:` line of /etc/passwd or /etc/group. */
function idOf(table: string, name: string): number | undefined {
  const line = table.split('\n').find((l) => l.startsWith(`${name}:`));
  const id = Number(line?.split(':')[2]);
  return line !== undefined && Number.isInteger(id) ? id : undefined;
}

/**
 * When the workers run as another user (no-op otherwise): lets them through the work folder
 * (mkdtemp makes it 0700) to read the htpasswd file, and gives them `writable` (data, locks).
 */
export async function openToWorkers(
  runAs: RunAs | undefined,
  work: WorkDir,
  writable: readonly string[],
): Promise<void> {
  if (runAs === undefined) return;
  await chmod(work.root, 0o711);
  await Promise.all(writable.map((path) => chown(path, runAs.uid, runAs.gid)));
}

/** The part of httpd.conf both uses share: where things go, who runs, how many workers. */
export function apacheBaseConfig(settings: {
  readonly port: number;
  readonly work: WorkDir;
  readonly runAs: RunAs | undefined;
  readonly modules: readonly string[];
  readonly instance: string;
}): string {
  const { work, runAs } = settings;
  const modules = ['mpm_event', 'headers', ...settings.modules]
    .map((name) => `LoadModule ${name}_module "${MODULES_DIR}/mod_${name}.so"`)
    .join('\n');
  return `# One throwaway Apache for a Baluchon test (tests/harness/). Nothing from /etc/apache2.
ServerRoot "${work.root}"
DefaultRuntimeDir "${work.run}"
PidFile "${work.run}/httpd.pid"
Listen 127.0.0.1:${settings.port}
ServerName 127.0.0.1
${modules}
${runAs === undefined ? '# Not root: Apache runs as the current user.' : `User ${runAs.user}\nGroup ${runAs.group}`}

ErrorLog "${work.log}/error.log"
LogLevel warn
LogFormat "%h %u \\"%r\\" %>s %b" harness
CustomLog "${work.log}/access.log" harness

# Small and quick to start: one worker process of 25 threads, a second one if busy.
StartServers 1
ServerLimit 2
ThreadsPerChild 25
MaxRequestWorkers 50
MinSpareThreads 5
MaxSpareThreads 50

Header always set ${INSTANCE_HEADER} "${settings.instance}"

<Directory />
  Require all denied
  AllowOverride None
  Options None
</Directory>
`;
}

export async function spawnApache(work: WorkDir, config: string): Promise<ServerProcess> {
  const path = join(work.etc, 'httpd.conf');
  await writeFile(path, config);
  return spawnServer({
    command: existsSync('/usr/sbin/apache2') ? '/usr/sbin/apache2' : 'apache2',
    args: ['-f', path, '-DFOREGROUND'],
    cleanupDir: work.root,
    label: 'apache',
  });
}

/** Apache writes most startup errors (a taken port included) to its error log, not stderr. */
export function apacheDiagnostics(work: WorkDir): () => Promise<string> {
  return async () => {
    const tail = await fileTail(join(work.log, 'error.log'));
    return tail === '' ? '' : `End of Apache's error.log:\n${tail}`;
  };
}
