// vCard 3.0 (what Google writes) → vCard 4.0 (RFC 6350), for servers whose CardDAV
// `supported-address-data` (RFC 6352 §6.2.2) offers 4.0 only. Covers what Google writes; any
// other property, X- ones included, passes through unchanged (4.0 keeps groups and X- names):
//   - TYPE values in lower case, `INTERNET` dropped (not a 4.0 type), `PREF` → `PREF=1`;
//   - `PHOTO;ENCODING=b;TYPE=JPEG:<base64>` → `PHOTO:data:image/jpeg;base64,<base64>`;
//   - TEL keeps its free text as `VALUE=text` (4.0 allows it; rewriting numbers as tel: URIs
//     would need their country);
//   - UID: a UUID becomes `urn:uuid:…` (RFC 6350 §6.7.6); anything else stays text;
//   - BDAY `--1102`, `1961-04-05`: same values, 4.0 has truncated dates natively;
//   - CHARSET (gone in 4.0) dropped.
import ICAL from 'ical.js';

type Params = Record<string, unknown>;
type JCardProperty = [string, Params, string, ...unknown[]];

const MEDIA_PROPERTIES = new Set(['photo', 'logo', 'sound', 'key']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function typeValues(params: Params): string[] {
  const raw = params['type'];
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return values
    .flatMap((value) => String(value).split(','))
    .map((value) => value.trim().toLowerCase());
}

function convertParams(name: string, params: Params): Params {
  const converted: Params = { ...params };
  for (const dropped of ['type', 'encoding', 'charset']) Reflect.deleteProperty(converted, dropped);
  let types = typeValues(params);
  if (types.includes('pref')) {
    converted['pref'] = '1';
    types = types.filter((type) => type !== 'pref');
  }
  if (name === 'email') types = types.filter((type) => type !== 'internet');
  if (types.length === 1) converted['type'] = types[0];
  else if (types.length > 1) converted['type'] = types;
  return converted;
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function mediaType(params: Params): string {
  const [type = 'jpeg'] = typeValues(params);
  return type.includes('/') ? type : `image/${type === 'jpg' ? 'jpeg' : type}`;
}

function convertProperty([name, params, type, ...values]: JCardProperty):
  JCardProperty | undefined {
  if (name === 'version') return undefined;
  const encoding = typeof params['encoding'] === 'string' ? params['encoding'].toLowerCase() : '';
  if (MEDIA_PROPERTIES.has(name) && (encoding === 'b' || encoding === 'base64')) {
    const data = `data:${mediaType(params)};base64,${textOf(values[0])}`;
    return [name, convertParams(name, {}), 'uri', data];
  }
  const converted = convertParams(name, params);
  if (name === 'tel') return [name, converted, 'text', ...values];
  if (name === 'uid') {
    const value = textOf(values[0]);
    return UUID.test(value)
      ? [name, converted, 'uri', `urn:uuid:${value}`]
      : [name, converted, 'text', value];
  }
  if (MEDIA_PROPERTIES.has(name) || name === 'url') return [name, converted, 'uri', ...values];
  return [name, converted, type, ...values];
}

export function toVcard4(card: ICAL.Component): ICAL.Component {
  const properties = (card.toJSON() as [string, JCardProperty[]])[1];
  const converted = properties
    .map((property) => convertProperty(structuredClone(property)))
    .filter((property) => property !== undefined);
  // RFC 6350 §6.7.9: VERSION comes first (ical.js picks the 4.0 rules from it).
  return new ICAL.Component(['vcard', [['version', {}, 'text', '4.0'], ...converted], []]);
}
