// A small family to seed on a real server with plain requests (never through the code under
// test): events (one weekly series with a moved instance, all in Europe/Paris with its
// VTIMEZONE; an all-day one; one with a long folded line), tasks, five contacts, and files in
// folders whose names carry accents.
import { send, XML } from '../../../harness/dav-test-requests.ts';
import { fetch } from 'undici';
import { basicAuth } from '../../../harness/index.ts';
import type { ServerUser } from '../../../harness/index.ts';

const paris = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Paris',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

export interface SeededItem {
  readonly uid: string;
  /** Resource name inside its collection. */
  readonly name: string;
  /** The whole resource as PUT. */
  readonly body: string;
  /** Summaries of its components (master first, then overrides). */
  readonly summaries: readonly string[];
}

function calendarObject(components: readonly (readonly string[])[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Baluchon tests//FR',
    ...components.flat(),
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** RFC 5545 §3.1: lines longer than 75 octets are folded (CRLF and one space). */
function fold(line: string): string {
  const parts: string[] = [];
  let rest = line;
  while (rest.length > 70) {
    parts.push(rest.slice(0, 70));
    rest = rest.slice(70);
  }
  parts.push(rest);
  return parts.join('\r\n ');
}

const stamp = 'DTSTAMP:20250101T090000Z';

export const events: readonly SeededItem[] = [
  {
    uid: 'piano-weekly@famille.test',
    name: 'piano.ics',
    summaries: ['Cours de piano', 'Cours de piano (déplacé)'],
    body: calendarObject([
      paris,
      [
        'BEGIN:VEVENT',
        'UID:piano-weekly@famille.test',
        stamp,
        'DTSTART;TZID=Europe/Paris:20250106T170000',
        'DTEND;TZID=Europe/Paris:20250106T180000',
        'RRULE:FREQ=WEEKLY;COUNT=10',
        'SUMMARY:Cours de piano',
        'END:VEVENT',
      ],
      [
        'BEGIN:VEVENT',
        'UID:piano-weekly@famille.test',
        stamp,
        'RECURRENCE-ID;TZID=Europe/Paris:20250120T170000',
        'DTSTART;TZID=Europe/Paris:20250121T180000',
        'DTEND;TZID=Europe/Paris:20250121T190000',
        'SUMMARY:Cours de piano (déplacé)',
        'END:VEVENT',
      ],
    ]),
  },
  {
    uid: 'anniversaire-lea@famille.test',
    name: 'anniversaire.ics',
    summaries: ['Anniversaire de Léa'],
    body: calendarObject([
      [
        'BEGIN:VEVENT',
        'UID:anniversaire-lea@famille.test',
        stamp,
        'DTSTART;VALUE=DATE:20250314',
        'DTEND;VALUE=DATE:20250315',
        'SUMMARY:Anniversaire de Léa',
        'END:VEVENT',
      ],
    ]),
  },
  {
    uid: 'dentiste@famille.test',
    name: 'dentiste.ics',
    summaries: ['Dentiste'],
    body: calendarObject([
      paris,
      [
        'BEGIN:VEVENT',
        'UID:dentiste@famille.test',
        stamp,
        'DTSTART;TZID=Europe/Paris:20250204T083000',
        'DTEND;TZID=Europe/Paris:20250204T090000',
        'SUMMARY:Dentiste',
        `DESCRIPTION:${'Apporter la carte vitale et le carnet de santé. '.repeat(4)}merci.`,
        'LOCATION:12 rue des Écoles\\, Lyon',
        'END:VEVENT',
      ],
    ]),
  },
];

function todo(uid: string, summary: string, extra: readonly string[] = []): SeededItem {
  return {
    uid,
    name: `${uid.split('@')[0] ?? uid}.ics`,
    summaries: [summary],
    body: calendarObject([
      ['BEGIN:VTODO', `UID:${uid}`, stamp, `SUMMARY:${summary}`, ...extra, 'END:VTODO'],
    ]),
  };
}

export const tasks: readonly SeededItem[] = [
  todo('pain@famille.test', 'Acheter du pain'),
  todo('impots@famille.test', 'Déclarer les impôts', ['DUE;VALUE=DATE:20250515']),
  todo('velo@famille.test', 'Réparer le vélo', ['STATUS:COMPLETED', 'COMPLETED:20250110T100000Z']),
];

/** In a calendar that holds both kinds: split by the source into a calendar and a task list. */
export const mixedEvent: SeededItem = {
  uid: 'reunion-ecole@famille.test',
  name: 'reunion.ics',
  summaries: ['Réunion à l’école'],
  body: calendarObject([
    [
      'BEGIN:VEVENT',
      'UID:reunion-ecole@famille.test',
      stamp,
      'DTSTART:20250210T170000Z',
      'DTEND:20250210T180000Z',
      'SUMMARY:Réunion à l’école',
      'END:VEVENT',
    ],
  ]),
};
export const mixedTask: SeededItem = todo('cartable@famille.test', 'Préparer le cartable');

const people = ['Léa Martin', 'Hugo Martin', 'Zoé Bernard', 'Noël Petit', 'Françoise Durand'];

export const contacts: readonly SeededItem[] = people.map((name, index) => {
  const [given = '', family = ''] = name.split(' ');
  const uid = `contact-${index + 1}@famille.test`;
  const body = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `UID:${uid}`,
    `FN:${name}`,
    `N:${family};${given};;;`,
    `EMAIL;TYPE=HOME:${given.toLowerCase()}@famille.test`,
    'END:VCARD',
  ].join('\r\n');
  return { uid, name: `contact-${index + 1}.vcf`, summaries: [name], body: `${body}\r\n` };
});

/** Files: path below the user's folder → bytes. */
export const files: ReadonlyMap<string, Buffer> = new Map([
  ['Factures/2024/électricité.pdf', Buffer.from('%PDF-1.4 facture électricité\n')],
  [
    'Photos été/plage à Noirmoutier.jpg',
    Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256)),
  ],
  ['Photos été/Crème brûlée.txt', Buffer.from('recette\n', 'utf8')],
  ['lisez-moi.odt', Buffer.from('PK fake odt')],
  ['vide.txt', Buffer.alloc(0)],
]);

export interface SeededCollections {
  readonly calendar: string;
  readonly taskList: string;
  readonly mixed: string;
  readonly addressBook: string;
}

async function must(
  label: string,
  answer: Promise<{ status: number; text: string }>,
): Promise<void> {
  const { status, text } = await answer;
  if (status >= 300) throw new Error(`${label}: ${status} ${text.slice(0, 300)}`);
}

function mkcalendar(name: string, color: string, components: readonly string[] | null): string {
  const set =
    components === null
      ? ''
      : `<c:supported-calendar-component-set>${components.map((c) => `<c:comp name="${c}"/>`).join('')}</c:supported-calendar-component-set>`;
  return `<?xml version="1.0" encoding="utf-8"?><c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav" xmlns:a="http://apple.com/ns/ical/"><d:set><d:prop><d:displayname>${name}</d:displayname><a:calendar-color>${color}</a:calendar-color>${set}</d:prop></d:set></c:mkcalendar>`;
}

const addressBookBody = (name: string): string =>
  `<?xml version="1.0" encoding="utf-8"?><d:mkcol xmlns:d="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav"><d:set><d:prop><d:resourcetype><d:collection/><card:addressbook/></d:resourcetype><d:displayname>${name}</d:displayname></d:prop></d:set></d:mkcol>`;

async function put(
  user: ServerUser,
  url: string,
  body: string | Buffer,
  type: string,
): Promise<void> {
  const answer = await fetch(url, {
    method: 'PUT',
    headers: { authorization: basicAuth(user), 'content-type': type },
    body,
  });
  const text = await answer.text();
  if (answer.status >= 300) throw new Error(`PUT ${url}: ${answer.status} ${text.slice(0, 300)}`);
}

/** Seeds the calendars, task lists and contacts below the homes; returns the collections' URLs. */
export async function seedCalendarsAndContacts(
  user: ServerUser,
  homes: { readonly calendarHome: string; readonly addressbookHome: string },
): Promise<SeededCollections> {
  const made = {
    calendar: `${homes.calendarHome}famille/`,
    taskList: `${homes.calendarHome}courses/`,
    mixed: `${homes.calendarHome}ecole/`,
    addressBook: `${homes.addressbookHome}proches/`,
  };
  await must(
    'calendar',
    send('MKCALENDAR', made.calendar, {
      user,
      body: mkcalendar('Famille', '#3a7bd5ff', ['VEVENT']),
      headers: { 'content-type': XML },
    }),
  );
  await must(
    'task list',
    send('MKCALENDAR', made.taskList, {
      user,
      body: mkcalendar('Courses', '#2e8b57ff', ['VTODO']),
      headers: { 'content-type': XML },
    }),
  );
  await must(
    'mixed',
    send('MKCALENDAR', made.mixed, {
      user,
      body: mkcalendar('École', '#aa3355ff', ['VEVENT', 'VTODO']),
      headers: { 'content-type': XML },
    }),
  );
  await must(
    'address book',
    send('MKCOL', made.addressBook, {
      user,
      body: addressBookBody('Proches'),
      headers: { 'content-type': XML },
    }),
  );
  const ics = 'text/calendar; charset=utf-8';
  for (const item of events) await put(user, `${made.calendar}${item.name}`, item.body, ics);
  for (const item of tasks) await put(user, `${made.taskList}${item.name}`, item.body, ics);
  await put(user, `${made.mixed}${mixedEvent.name}`, mixedEvent.body, ics);
  await put(user, `${made.mixed}${mixedTask.name}`, mixedTask.body, ics);
  for (const item of contacts)
    await put(user, `${made.addressBook}${item.name}`, item.body, 'text/vcard; charset=utf-8');
  return made;
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** Seeds the files (and their folders) below a WebDAV folder. */
export async function seedFiles(user: ServerUser, root: string): Promise<void> {
  const folders = new Set<string>();
  for (const path of files.keys()) {
    const parts = path.split('/').slice(0, -1);
    for (let i = 1; i <= parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  for (const folder of [...folders].sort()) {
    await must(`MKCOL ${folder}`, send('MKCOL', `${root}${encodePath(folder)}/`, { user }));
  }
  for (const [path, bytes] of files)
    await put(user, `${root}${encodePath(path)}`, bytes, 'application/octet-stream');
}
