// The sheet a family takes home from an install party: one A4 page in their language — their
// host and account (never the password), what moved (the counts read back from the server), what
// stayed and why, the QR code for the phone, the addresses for the computer, and what to do in a
// few weeks. Built from the move's report only, as HTML: the CLI writes it as a page of its own
// (`baluchon sheet`), the Done screen shows the same body with the same stylesheet and prints it.
import { readFileSync } from 'node:fs';
import type { MigrationReport } from '../contract/migrate.ts';
import { migrationKinds } from '../contract/migrate.ts';
import type { Translator } from '../i18n/create-i18n.ts';
import { formatSize } from '../i18n/format-size.ts';
import { leftSentence, sourceContext } from '../migration/report-words.ts';
import { computerAddresses } from './computer-addresses.ts';
import { davx5Link } from './davx5-link.ts';
import { deviceAccountOf } from './device-account.ts';
import { qrSvg } from './qr-path.ts';

export interface SheetOptions {
  readonly t: Translator;
  readonly language: string;
  /** When the sheet is made (its date is printed). */
  readonly now: Date;
  /** The host the family chose, when Baluchon knows it (its name and how to reach it). */
  readonly host?: { readonly name: string; readonly contact: string | null } | undefined;
}

/** The sheet's body: what the Done screen shows inside its print view. */
export function takeHomeSheetBody(report: MigrationReport, options: SheetOptions): string {
  const { t, language } = options;
  const account = deviceAccountOf(report);
  const addresses = computerAddresses(account);
  const number = (value: number): string => new Intl.NumberFormat(language).format(value);
  const size = (bytes: number): string => formatSize(bytes, t, language);
  const li = (text: string): string => `<li>${e(text)}</li>`;
  const hostName = options.host?.name ?? account.host;
  const moved = migrationKinds
    .filter((kind) => report[kind].found > 0)
    .map((kind) =>
      li(
        t(`devices:sheet.moved.${kind}`, {
          verified: number(report[kind].verified),
          found: number(report[kind].found),
        }),
      ),
    );
  const left = migrationKinds.flatMap((kind) =>
    report[kind].left.map((one) => li(leftSentence(t, report, kind, one, size, language))),
  );
  // A move from another host speaks of that host, not of Google.
  const from = sourceContext(report);
  const later = t('devices:sheet.later', { ...from, returnObjects: true }) as string[];
  const googleLinks =
    report.source.kind === 'dav'
      ? ''
      : `<p>${e(t('devices:sheet.googleLinks'))}</p><ul>${li(t('devices:sheet.googleDelete'))}${
          // Signed in: the access Baluchon was given can be taken back on Google's page too.
          report.source.kind === 'google' ? li(t('devices:sheet.googleAccess')) : ''
        }</ul>`;
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(options.now);
  const link = davx5Link(account);
  return [
    `<article class="take-home-sheet" lang="${e(language)}">`,
    `<header><h1>${e(t('devices:sheet.title'))}</h1><p>${e(t('devices:sheet.madeOn', { date }))}</p></header>`,
    `<section><h2>${e(t('devices:sheet.accountTitle'))}</h2><ul>`,
    li(t('devices:sheet.host', { host: hostName })),
    li(t('devices:sheet.address', { address: account.serverUrl })),
    li(t('devices:sheet.username', { username: account.username })),
    account.filesAccount === null
      ? ''
      : li(
          t('devices:sheet.filesAccount', {
            address: account.filesAccount.serverUrl,
            username: account.filesAccount.username,
          }),
        ),
    `</ul><p class="note">${e(t('devices:sheet.noPassword'))}</p></section>`,
    `<section><h2>${e(t('devices:sheet.movedTitle'))}</h2><ul>${moved.join('')}</ul>`,
    `<h3>${e(t('devices:sheet.leftTitle'))}</h3>`,
    left.length === 0 ? `<p>${e(t('devices:sheet.nothingLeft'))}</p>` : `<ul>${left.join('')}</ul>`,
    `</section>`,
    `<section class="phone"><h2>${e(t('devices:sheet.phoneTitle'))}</h2>`,
    `<div class="qr">${qrSvg(link, t('devices:android.qrLabel'), '38mm')}</div>`,
    `<div><p>${e(t('devices:sheet.phoneAndroid'))}</p><p class="address">${e(link)}</p>`,
    `<p>${e(t('devices:sheet.phoneIphone', { host: account.host, username: account.username }))}</p></div>`,
    `</section>`,
    `<section><h2>${e(t('devices:sheet.computerTitle'))}</h2>`,
    `<p>${e(t('devices:computer.thunderbirdCalendar', { username: account.username }))} <span class="address">${e(addresses.thunderbirdCalendars)}</span></p>`,
    `<p>${e(t('devices:computer.thunderbirdContacts', { username: account.username }))} <span class="address">${e(addresses.thunderbirdContacts)}</span></p>`,
    addresses.nextcloudClient === null
      ? ''
      : `<p>${e(t('devices:computer.nextcloudClient'))} <span class="address">${e(addresses.nextcloudClient)}</span></p>`,
    `</section>`,
    `<section><h2>${e(t('devices:sheet.laterTitle'))}</h2><ol>${later.map(li).join('')}</ol>`,
    googleLinks,
    options.host?.contact === undefined || options.host.contact === null
      ? ''
      : `<p>${e(t('devices:sheet.help', { contact: options.host.contact }))}</p>`,
    `</section></article>`,
  ].join('\n');
}

/** The sheet as a page of its own (the CLI's file): the body with the stylesheet inlined. */
export function takeHomeSheetPage(report: MigrationReport, options: SheetOptions): string {
  // The stylesheet the renderer's print view imports too (print/ sits outside src/ and
  // renderer/ so that both may use it; only the CLI reads it at run time).
  const css = readFileSync(new URL('../../print/take-home-sheet.css', import.meta.url), 'utf8');
  return `<!doctype html>
<html lang="${e(options.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(options.t('devices:sheet.title'))}</title>
<style>
${css}</style>
</head>
<body>
${takeHomeSheetBody(report, options)}
</body>
</html>
`;
}

function e(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
