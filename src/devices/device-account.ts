// What a phone or a computer needs to know of the family's new account, read from the move's
// report (which the journal wrote): the server's address, the user name, where the calendars,
// address books and files were put. Never the password: Baluchon does not keep it with the
// report, and nothing built from these facts (links, QR codes, profiles, the take-home sheet)
// can carry one.
import type { MigrationReport } from '../contract/migrate.ts';

export interface DeviceAccount {
  /** `https://cloud.example.org/remote.php/dav/` as the move used it. */
  readonly serverUrl: string;
  readonly host: string;
  /** The port, also when it is the scheme's default (Apple's profile wants it). */
  readonly port: number;
  readonly tls: boolean;
  readonly username: string;
  /** The folder holding the new calendars (their parent), when the move made any. */
  readonly calendarHome: string | null;
  readonly addressbookHome: string | null;
  /** The folder the files went to (its parent on the files account), when files moved. */
  readonly filesUrl: string | null;
  /** The files account, when it is another one than the calendars'. */
  readonly filesAccount: { readonly serverUrl: string; readonly username: string } | null;
  /**
   * Nextcloud (its DAV addresses live under /remote.php/): its own apps and its browser login
   * are then the better way for a phone or a computer.
   */
  readonly nextcloud: boolean;
}

export function deviceAccountOf(report: MigrationReport): DeviceAccount {
  const url = new URL(report.server);
  const tls = url.protocol === 'https:';
  const parentOf = (kind: string): string | null => {
    const made = report.collections.find((collection) => collection.kind === kind);
    return made === undefined ? null : new URL('..', withSlash(made.url)).href;
  };
  const nextcloud = [report.server, ...report.collections.map((c) => c.url)].some((address) =>
    /\/remote\.php\/(dav|webdav)\b/.test(new URL(address).pathname),
  );
  return {
    serverUrl: url.href,
    host: url.hostname,
    port: url.port === '' ? (tls ? 443 : 80) : Number(url.port),
    tls,
    username: report.account,
    calendarHome: parentOf('calendars') ?? parentOf('tasks'),
    addressbookHome: parentOf('contacts'),
    filesUrl: parentOf('files') ?? parentOf('photos') ?? parentOf('notes'),
    filesAccount:
      report.filesServer === null || report.filesAccount === null
        ? null
        : { serverUrl: new URL(report.filesServer).href, username: report.filesAccount },
    nextcloud,
  };
}

function withSlash(address: string): string {
  return address.endsWith('/') ? address : `${address}/`;
}
