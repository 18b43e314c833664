// What to type on a computer, per program: Thunderbird finds every calendar and address book from
// the account's address (RFC 6764 discovery, then the homes); GNOME's and KDE's online accounts
// take the same address; Nextcloud's own desktop client syncs the files and wants the bare
// server address (it finds /remote.php/ itself).
import type { DeviceAccount } from './device-account.ts';

export interface ComputerAddresses {
  /** Thunderbird "New calendar → On the network": the location to paste. */
  readonly thunderbirdCalendars: string;
  /** Thunderbird "New address book → CardDAV": the location to paste. */
  readonly thunderbirdContacts: string;
  /** GNOME Online Accounts / KDE: the server address. */
  readonly onlineAccounts: string;
  /** Nextcloud's desktop client: the server's address (Nextcloud only). */
  readonly nextcloudClient: string | null;
  /** A WebDAV folder to open in the file manager when files moved (davs://… for GNOME Files). */
  readonly filesFolder: string | null;
}

export function computerAddresses(account: DeviceAccount): ComputerAddresses {
  const origin = new URL(account.serverUrl).origin;
  const files = account.filesAccount?.serverUrl ?? account.filesUrl;
  return {
    thunderbirdCalendars: account.calendarHome ?? account.serverUrl,
    thunderbirdContacts: account.addressbookHome ?? account.serverUrl,
    onlineAccounts: account.nextcloud ? `${origin}/` : account.serverUrl,
    nextcloudClient: account.nextcloud ? `${origin}/` : null,
    filesFolder: files === null ? null : files.replace(/^http(s?):/, (_m, s: string) => `dav${s}:`),
  };
}
