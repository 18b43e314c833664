// The cards read live from the stand-in's People API, with every field and a photo, prepared by
// the engine (src/vcard) and stored in real CardDAV servers, in the vCard version each takes:
// each server accepts them and gives back the person's details, the photo embedded.
import type { people_v1 } from '@googleapis/people';
import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { endpointsUnder } from '../../../../src/google/google-endpoints.ts';
import { createI18n } from '../../../../src/i18n/create-i18n.ts';
import { googlePhotoFetch } from '../../../../src/sources/google/contacts/photo-fetch.ts';
import { readGoogleContacts } from '../../../../src/sources/google/contacts/read-google-contacts.ts';
import type { ContactResource } from '../../../../src/vcard/prepare-contacts.ts';
import { prepareContacts } from '../../../../src/vcard/prepare-contacts.ts';
import { readCard } from '../../../../src/vcard/read-card.ts';
import { surveyAddressBook } from '../../../../src/vcard/survey-address-book.ts';
import { CALDAV_CARDDAV_SERVERS, basicAuth, describeEachServer } from '../../../harness/index.ts';
import { CONTACTS_SCOPE, peopleApi } from '../../../standins/google/people-api.ts';
import { TokenBook, startGoogleStandIn } from '../../../standins/google/stand-in-server.ts';
import type { RunningStandIn } from '../../../standins/google/stand-in-server.ts';
import { everyField } from './support/every-field-person.ts';

const signal = new AbortController().signal;
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const group = (id: string, name: string): people_v1.Schema$ContactGroup => ({
  resourceName: `contactGroups/${id}`,
  groupType: 'USER_CONTACT_GROUP',
  name,
});

let standIn: RunningStandIn;
let token: string;
beforeAll(async () => {
  const tokens = new TokenBook();
  standIn = await startGoogleStandIn({
    routes: [
      peopleApi({
        connections: [everyField],
        contactGroups: [group('4f1a', 'Famille'), group('77b2', 'Club, de foot')],
        otherContacts: [],
        photos: new Map([['https://lh3.googleusercontent.com/contacts/alice', jpeg]]),
      }),
    ],
    tokens,
  });
  token = tokens.issue([CONTACTS_SCOPE]);
});
afterAll(async () => {
  await standIn.close();
});

async function prepared(version: '3.0' | '4.0'): Promise<ContactResource[]> {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: token });
  const endpoints = endpointsUnder(standIn.url);
  const reading = await readGoogleContacts({
    api: { auth, endpoints, signal, call: (request) => request(signal) },
    t: createI18n('fr').t,
    onProblem: () => undefined,
    otherContacts: false,
  });
  const book = reading.addressBooks[0];
  if (book === undefined) throw new Error('no address book');
  const resources: ContactResource[] = [];
  for await (const outcome of prepareContacts(book.content, await surveyAddressBook(book.content), {
    version,
    starredLabel: 'Favoris',
    photos: { fetch: googlePhotoFetch(endpoints, globalThis.fetch), signal },
  })) {
    if (outcome.status !== 'ready' || outcome.problems.length > 0) {
      throw new Error(`not ready: ${JSON.stringify(outcome)}`);
    }
    resources.push(outcome.resource);
  }
  return resources;
}

describeEachServer('live Google cards stored', CALDAV_CARDDAV_SERVERS, (server, kind) => {
  it.each(['3.0', '4.0'] as const)(
    `%s cards are stored by ${kind} and read back whole`,
    async (version) => {
      const { user } = server();
      const authorization = basicAuth(user);
      const book = `${user.home}google-${version.replace('.', '')}/`;
      const made = await fetch(book, {
        method: 'MKCOL',
        headers: { authorization, 'content-type': 'application/xml; charset=utf-8' },
        body:
          '<?xml version="1.0" encoding="utf-8"?><D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav">' +
          '<D:set><D:prop><D:resourcetype><D:collection/><C:addressbook/></D:resourcetype></D:prop></D:set></D:mkcol>',
      });
      expect(made.status).toBe(201);
      const [resource] = await prepared(version);
      if (resource === undefined) throw new Error('no card');
      const put = await fetch(`${book}${resource.resourceName}`, {
        method: 'PUT',
        headers: { authorization, 'content-type': 'text/vcard; charset=utf-8' },
        body: resource.vcard,
      });
      expect(put.status).toBe(201);
      const stored = await (
        await fetch(`${book}${resource.resourceName}`, { headers: { authorization } })
      ).text();
      // Read as the engine reads (ical.js alone keeps the backslash of a TEXT `\;`, read-card.ts).
      const read = readCard(stored);
      if (!read.ok) throw new Error(read.reason);
      const { card } = read;
      expect(card.getFirstPropertyValue('uid')).toContain(resource.uid);
      expect(card.getAllProperties('email')).toHaveLength(4);
      expect(card.getAllProperties('tel')).toHaveLength(4);
      expect(card.getAllProperties('adr')).toHaveLength(2);
      expect(card.getFirstPropertyValue('note')).toBe(
        'Rencontrée à la kermesse, très gentille; toujours là.\nTaille de chaussures: 38',
      );
      expect(card.getFirstProperty('categories')?.getValues()).toEqual([
        'Favoris',
        'Famille',
        'Club, de foot',
      ]);
      expect(stored.replace(/\r?\n[ \t]/g, '')).toContain(jpeg.toString('base64'));
      expect(stored).toContain('X-ABRELATEDNAMES');
      expect(stored).toContain('Bruno Petit');
    },
  );
});
