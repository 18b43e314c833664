// Everything the Done screen offers for the family's devices, from one move's report.
import type { DeviceSetup } from '../contract/devices.ts';
import type { MigrationReport } from '../contract/migrate.ts';
import { appleProfile, appleProfileFileName } from './apple-profile.ts';
import { computerAddresses } from './computer-addresses.ts';
import { davx5Link } from './davx5-link.ts';
import { deviceAccountOf } from './device-account.ts';
import { qrPath } from './qr-path.ts';
import { takeHomeSheetBody } from './take-home-sheet.ts';
import type { SheetOptions } from './take-home-sheet.ts';

export function deviceSetup(report: MigrationReport, options: SheetOptions): DeviceSetup {
  const { t } = options;
  const account = deviceAccountOf(report);
  const link = davx5Link(account);
  const words = { host: account.host, username: account.username };
  return {
    serverUrl: account.serverUrl,
    host: account.host,
    username: account.username,
    nextcloud: account.nextcloud,
    davx5Link: link,
    qr: qrPath(link),
    appleProfile: {
      fileName: appleProfileFileName(account),
      xml: appleProfile(account, {
        displayName: t('devices:profile.displayName', words),
        description: t('devices:profile.description', words),
        calendarsName: t('devices:profile.calendars', words),
        contactsName: t('devices:profile.contacts', words),
        organization: options.host?.name ?? account.host,
      }),
    },
    computer: computerAddresses(account),
    sheet: takeHomeSheetBody(report, options),
  };
}
