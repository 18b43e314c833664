// After the move: what the family's phones and computers need, built by the service from the
// move's report (the journal's facts) — never from anything the renderer says, and never with a
// password: a DAVx⁵ link and its QR code, the iPhone profile, the addresses for Thunderbird and
// the rest, and the take-home sheet.
import { z } from 'zod';
import { command } from './define.ts';

export const DeviceSetupInput = z.object({
  /** The move's run (its report's runId): one of this session's moves or the last move kept. */
  runId: z.number().int(),
  /** The host the family chose, when the wizard knows it: the sheet names it. */
  host: z.object({ name: z.string().max(200), contact: z.string().max(500).nullable() }).optional(),
});

export const DeviceSetup = z.object({
  serverUrl: z.string(),
  host: z.string(),
  username: z.string(),
  nextcloud: z.boolean(),
  /** Opens DAVx⁵'s login with the address and user name filled in. */
  davx5Link: z.string(),
  /** The QR code of davx5Link, as an SVG path (viewBox 0 0 size size). */
  qr: z.object({ size: z.number().int().positive(), d: z.string() }),
  /** The .mobileconfig's XML and the file name to save it as. */
  appleProfile: z.object({ fileName: z.string(), xml: z.string() }),
  computer: z.object({
    thunderbirdCalendars: z.string(),
    thunderbirdContacts: z.string(),
    onlineAccounts: z.string(),
    nextcloudClient: z.string().nullable(),
    filesFolder: z.string().nullable(),
  }),
  /** The take-home sheet's body (HTML built and escaped by the service; its stylesheet is shared). */
  sheet: z.string(),
});
export type DeviceSetup = z.infer<typeof DeviceSetup>;

export const devicesCommands = {
  deviceSetup: command(DeviceSetupInput, DeviceSetup),
};
