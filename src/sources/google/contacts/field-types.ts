// Google's field types (People API `type`) → how its exporter marks them on a vCard line
// (TAKEOUT-NOTES §3.2, the exported samples in /work/shared/google-samples): the common ones as
// TYPE parameters, Google's own ones as its label tokens (`GRAND_CENTRAL`, `PROFILE`), family
// ties and dates as Apple's tokens (`_$!<Spouse>!$_`), and a type the family typed themselves as
// that text in `X-ABLabel`. A value without a type is written as the exporter writes it.
import type { LineType } from './vcard-lines.ts';

type Table = Readonly<Record<string, LineType>>;

const PLAIN: LineType = { types: [] };

function typeOf(type: string | null | undefined, table: Table, untyped: LineType): LineType {
  if (type === undefined || type === null || type === '') return untyped;
  // A custom type is the family's own words: kept as the label, never as a TYPE parameter.
  return Object.hasOwn(table, type) ? (table[type] ?? PLAIN) : { types: [], label: type };
}

const EMAIL: Table = {
  home: { types: ['HOME'] },
  work: { types: ['WORK'] },
  other: PLAIN,
};

/** EMAIL: always `TYPE=INTERNET` first, as Google writes it. */
export function emailType(type: string | null | undefined): LineType {
  const typed = typeOf(type, EMAIL, PLAIN);
  return { ...typed, types: ['INTERNET', ...typed.types] };
}

const PHONE: Table = {
  home: { types: ['HOME'] },
  work: { types: ['WORK'] },
  mobile: { types: ['CELL'] },
  homeFax: { types: ['HOME', 'FAX'] },
  workFax: { types: ['WORK', 'FAX'] },
  otherFax: { types: ['FAX'] },
  pager: { types: ['PAGER'] },
  workMobile: { types: ['WORK', 'CELL'] },
  workPager: { types: ['WORK', 'PAGER'] },
  main: { types: ['MAIN'] },
  googleVoice: { types: [], label: 'GRAND_CENTRAL' },
  other: PLAIN,
};

export function phoneType(type: string | null | undefined): LineType {
  return typeOf(type, PHONE, PLAIN);
}

const ADDRESS: Table = {
  home: { types: ['HOME'] },
  work: { types: ['WORK'] },
  other: PLAIN,
};

/**
 * An address without a type is written grouped, with an empty label: that is the exporter's own
 * shape (`item1.ADR:…` + `item1.X-ABLabel:`, the ms10217 sample), kept so that the card is the
 * archive's card to the byte.
 */
export function addressType(type: string | null | undefined): LineType {
  return typeOf(type, ADDRESS, { types: [], label: '' });
}

const URL: Table = {
  home: { types: ['HOME'] },
  work: { types: ['WORK'] },
  other: PLAIN,
  homePage: { types: [], label: '_$!<HomePage>!$_' },
  profile: { types: [], label: 'PROFILE' },
  blog: { types: [], label: 'BLOG' },
  ftp: { types: [], label: 'FTP' },
  reservations: { types: [], label: 'RESERVATIONS' },
  appInstallPage: { types: [], label: 'APP_INSTALL_PAGE' },
};

export function urlType(type: string | null | undefined): LineType {
  return typeOf(type, URL, PLAIN);
}

const apple = (token: string): LineType => ({ types: [], label: `_$!<${token}>!$_` });

const RELATION: Table = {
  spouse: apple('Spouse'),
  child: apple('Child'),
  mother: apple('Mother'),
  father: apple('Father'),
  parent: apple('Parent'),
  brother: apple('Brother'),
  sister: apple('Sister'),
  friend: apple('Friend'),
  manager: apple('Manager'),
  assistant: apple('Assistant'),
  partner: apple('Partner'),
  relative: { types: [], label: 'RELATIVE' },
  referredBy: { types: [], label: 'REFERRED_BY' },
  domesticPartner: { types: [], label: 'DOMESTIC_PARTNER' },
};

export function relationType(type: string | null | undefined): LineType {
  return typeOf(type, RELATION, PLAIN);
}

const EVENT: Table = {
  anniversary: apple('Anniversary'),
  other: apple('Other'),
};

export function eventType(type: string | null | undefined): LineType {
  return typeOf(type, EVENT, PLAIN);
}

/** Instant messaging: the exporter's one X- property per service (`X-SKYPE:…`). */
const IM_PROPERTY: Readonly<Record<string, string>> = {
  aim: 'X-AIM',
  msn: 'X-MSN',
  yahoo: 'X-YAHOO',
  skype: 'X-SKYPE',
  qq: 'X-QQ',
  googleTalk: 'X-GTALK',
  icq: 'X-ICQ',
  jabber: 'X-JABBER',
  netMeeting: 'X-NETMEETING',
};

/**
 * The property for an IM account; a service Google does not know (typed by the family) is an
 * IMPP line (RFC 4770) labelled with the service's name.
 */
export function imProperty(protocol: string | null | undefined): {
  name: string;
  type: LineType;
} {
  const known = protocol === undefined || protocol === null ? undefined : IM_PROPERTY[protocol];
  if (known !== undefined) return { name: known, type: PLAIN };
  return protocol === undefined || protocol === null || protocol === ''
    ? { name: 'IMPP', type: PLAIN }
    : { name: 'IMPP', type: { types: [], label: protocol } };
}

/** The remaining typed fields (SIP, external ids, keywords, locations): home/work as TYPE. */
const SIMPLE: Table = {
  home: { types: ['HOME'] },
  work: { types: ['WORK'] },
  mobile: { types: ['CELL'] },
  other: PLAIN,
};

export function simpleType(type: string | null | undefined): LineType {
  return typeOf(type, SIMPLE, PLAIN);
}
