// The link that opens DAVx⁵'s login with the account's address and user name filled in, for a
// QR code on the Done screen and the take-home sheet. DAVx⁵ (LoginActivity, its integration
// manual) turns `davx5://` and `caldavs://` into https and `caldav://` into http, and reads the
// user name from the address's user part. A password could go there too: it never does.
// Nextcloud's Login Flow can only be asked for with an Android intent extra, not from a link, so
// for a Nextcloud account the steps tell the family to pick "Nextcloud" in DAVx⁵ instead
// (the phone then gets its own app password); the link still fills in the address.
import type { DeviceAccount } from './device-account.ts';

export function davx5Link(account: DeviceAccount): string {
  const url = new URL(account.serverUrl);
  const scheme = account.tls ? 'davx5' : 'caldav';
  const port = url.port === '' ? '' : `:${url.port}`;
  return `${scheme}://${encodeURIComponent(account.username)}@${url.hostname}${port}${url.pathname}`;
}
