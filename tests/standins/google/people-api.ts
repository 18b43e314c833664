// The People API of the Google stand-in (tests only), from Google's REST reference
// (people.connections.list, contactGroups.list, otherContacts.list): the field mask each list
// requires (400 without, or with a field it does not know), `pageSize` bounds and defaults,
// opaque page tokens that refuse other parameters than the first page's, the scopes
// (contacts.readonly; contacts.other.readonly for other contacts), and only the fields asked for
// in each person. Contact photos are served too, under `googleusercontent/<host>/<path>`, where
// src/sources/google/contacts/photo-fetch.ts sends `https://lh3.googleusercontent.com/<path>`.
import type { people_v1 } from '@googleapis/people';
import { requireScope, sendGoogleError, sendJson } from './stand-in-server.ts';
import type { StandInRequest, StandInRoute } from './stand-in-server.ts';

export const CONTACTS_SCOPE = 'https://www.googleapis.com/auth/contacts.readonly';
export const OTHER_CONTACTS_SCOPE = 'https://www.googleapis.com/auth/contacts.other.readonly';

export interface PeopleData {
  readonly connections: readonly people_v1.Schema$Person[];
  readonly contactGroups: readonly people_v1.Schema$ContactGroup[];
  readonly otherContacts: readonly people_v1.Schema$Person[];
  /** Photo bytes by their Google address (`https://lh3.googleusercontent.com/…`). */
  readonly photos: ReadonlyMap<string, Buffer>;
}

const PERSON_FIELDS = new Set([
  'addresses',
  'ageRanges',
  'biographies',
  'birthdays',
  'calendarUrls',
  'clientData',
  'coverPhotos',
  'emailAddresses',
  'events',
  'externalIds',
  'genders',
  'imClients',
  'interests',
  'locales',
  'locations',
  'memberships',
  'metadata',
  'miscKeywords',
  'names',
  'nicknames',
  'occupations',
  'organizations',
  'phoneNumbers',
  'photos',
  'relations',
  'sipAddresses',
  'skills',
  'urls',
  'userDefined',
]);
/** otherContacts.list with READ_SOURCE_TYPE_CONTACT only: what such a contact can hold. */
const OTHER_CONTACT_FIELDS = new Set([
  'emailAddresses',
  'metadata',
  'names',
  'phoneNumbers',
  'photos',
]);
const GROUP_FIELDS = new Set(['clientData', 'groupType', 'memberCount', 'metadata', 'name']);
const SOURCES = new Set([
  'READ_SOURCE_TYPE_PROFILE',
  'READ_SOURCE_TYPE_CONTACT',
  'READ_SOURCE_TYPE_DOMAIN_CONTACT',
]);

function badRequest(request: StandInRequest, message: string): false {
  sendGoogleError(request.res, 400, 'badRequest', message);
  return false;
}

/** The field mask named `name`, each field known, or null after answering 400. */
function fieldMask(
  request: StandInRequest,
  name: string,
  valid: ReadonlySet<string>,
  required: boolean,
): Set<string> | null {
  const raw = request.url.searchParams.get(name) ?? '';
  if (raw === '') {
    if (required) {
      badRequest(request, `${name} mask is required. Please specify one or more valid paths.`);
      return null;
    }
    return new Set();
  }
  const fields = raw.split(',').map((field) => field.trim());
  const unknown = fields.find((field) => !valid.has(field));
  if (unknown !== undefined) {
    badRequest(request, `Invalid ${name} path: "${unknown}".`);
    return null;
  }
  return new Set(fields);
}

interface Token {
  readonly offset: number;
  readonly query: string;
}

/**
 * One page of `items`: Google's page size bounds (1–1000, 0 or absent = the default) and page
 * tokens that carry the other parameters of the first request, refused if they changed.
 */
function page<T>(
  request: StandInRequest,
  items: readonly T[],
  defaultSize: number,
): { items: T[]; nextPageToken?: string } | null {
  const params = new URLSearchParams(request.url.search);
  const rawSize = params.get('pageSize');
  const size = rawSize === null || rawSize === '' ? 0 : Number(rawSize);
  if (!Number.isInteger(size) || size < 0 || size > 1000) {
    badRequest(request, 'pageSize must be between 1 and 1000.');
    return null;
  }
  const pageToken = params.get('pageToken');
  params.delete('pageToken');
  params.sort();
  const query = params.toString();
  let offset = 0;
  if (pageToken !== null && pageToken !== '') {
    let token: Token;
    try {
      token = JSON.parse(Buffer.from(pageToken, 'base64url').toString('utf8')) as Token;
    } catch {
      badRequest(request, 'Invalid pageToken.');
      return null;
    }
    if (token.query !== query) {
      badRequest(request, 'Parameters must match the request that returned the page token.');
      return null;
    }
    offset = token.offset;
  }
  const end = offset + (size === 0 ? defaultSize : size);
  const next: Token = { offset: end, query };
  return {
    items: items.slice(offset, end),
    ...(end < items.length
      ? { nextPageToken: Buffer.from(JSON.stringify(next)).toString('base64url') }
      : {}),
  };
}

function sourcesOk(request: StandInRequest, allowed: (sources: string[]) => boolean): boolean {
  const sources = request.url.searchParams.getAll('sources');
  if (sources.some((source) => !SOURCES.has(source)) || !allowed(sources)) {
    return badRequest(request, 'Invalid sources.');
  }
  return true;
}

/** The person with only the fields asked for (Google leaves the others out of the JSON). */
function masked(person: people_v1.Schema$Person, fields: ReadonlySet<string>): object {
  const kept: Record<string, unknown> = { resourceName: person.resourceName, etag: person.etag };
  for (const [key, value] of Object.entries(person)) {
    if (fields.has(key)) kept[key] = value;
  }
  return kept;
}

export function peopleApi(data: PeopleData): StandInRoute {
  return (request) => {
    const { pathname } = request.url;
    if (request.req.method !== 'GET') return false;
    if (pathname.startsWith('/googleusercontent/')) return photo(request, data);
    if (pathname === '/v1/people/me/connections') {
      if (!requireScope(request, CONTACTS_SCOPE)) return true;
      const fields = fieldMask(request, 'personFields', PERSON_FIELDS, true);
      if (fields === null || !sourcesOk(request, () => true)) return true;
      const result = page(request, data.connections, 100);
      if (result === null) return true;
      sendJson(request.res, {
        connections: result.items.map((person) => masked(person, fields)),
        totalPeople: data.connections.length,
        totalItems: data.connections.length,
        ...(result.nextPageToken === undefined ? {} : { nextPageToken: result.nextPageToken }),
      });
      return true;
    }
    if (pathname === '/v1/contactGroups') {
      if (!requireScope(request, CONTACTS_SCOPE)) return true;
      const fields = fieldMask(request, 'groupFields', GROUP_FIELDS, false);
      if (fields === null) return true;
      const wanted =
        fields.size === 0 ? new Set(['metadata', 'groupType', 'memberCount', 'name']) : fields;
      const result = page(request, data.contactGroups, 30);
      if (result === null) return true;
      sendJson(request.res, {
        contactGroups: result.items.map((group) => ({
          resourceName: group.resourceName,
          etag: group.etag,
          ...Object.fromEntries(Object.entries(group).filter(([key]) => wanted.has(key))),
          // Output only, always there for system groups: the name in the viewer's language.
          ...(group.formattedName === undefined ? {} : { formattedName: group.formattedName }),
        })),
        totalItems: data.contactGroups.length,
        ...(result.nextPageToken === undefined ? {} : { nextPageToken: result.nextPageToken }),
      });
      return true;
    }
    if (pathname === '/v1/otherContacts') {
      if (!requireScope(request, OTHER_CONTACTS_SCOPE)) return true;
      // READ_SOURCE_TYPE_PROFILE only with READ_SOURCE_TYPE_CONTACT; this stand-in holds no
      // profiles, so it serves the contact source and its five fields only.
      const ok = sourcesOk(
        request,
        (sources) => sources.length === 0 || sources.join() === 'READ_SOURCE_TYPE_CONTACT',
      );
      if (!ok) return true;
      const fields = fieldMask(request, 'readMask', OTHER_CONTACT_FIELDS, true);
      if (fields === null) return true;
      const result = page(request, data.otherContacts, 100);
      if (result === null) return true;
      sendJson(request.res, {
        otherContacts: result.items.map((person) => masked(person, fields)),
        totalSize: data.otherContacts.length,
        ...(result.nextPageToken === undefined ? {} : { nextPageToken: result.nextPageToken }),
      });
      return true;
    }
    return false;
  };
}

/** `googleusercontent/<host>/<path>` → the bytes of `https://<host>/<path>`; no token needed. */
function photo(request: StandInRequest, data: PeopleData): boolean {
  const rest = request.url.pathname.slice('/googleusercontent/'.length);
  const slash = rest.indexOf('/');
  const original = `https://${rest.slice(0, slash)}${rest.slice(slash)}${request.url.search}`;
  const bytes = slash < 0 ? undefined : data.photos.get(original);
  if (bytes === undefined) {
    request.res.writeHead(404, { 'content-type': 'text/plain' });
    request.res.end('no such photo');
    return true;
  }
  request.res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': bytes.length });
  request.res.end(bytes);
  return true;
}
