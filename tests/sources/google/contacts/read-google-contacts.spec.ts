// Reading Google Contacts live against the stand-in's People API: every page, the labels, the
// other contacts only when asked (and only with their scope), a broken person named while the
// others go on, and photos downloaded from the stand-in through the photo fetch.
import type { people_v1 } from '@googleapis/people';
import { OAuth2Client } from 'google-auth-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProblemFact } from '../../../../src/contract/problem.ts';
import { createApiContext } from '../../../../src/google/api/create-api-context.ts';
import { endpointsUnder } from '../../../../src/google/google-endpoints.ts';
import type { GoogleApiContext } from '../../../../src/google/google-api-context.ts';
import { createI18n } from '../../../../src/i18n/create-i18n.ts';
import { googlePhotoFetch } from '../../../../src/sources/google/contacts/photo-fetch.ts';
import { readGoogleContacts } from '../../../../src/sources/google/contacts/read-google-contacts.ts';
import type { SourceAddressBook } from '../../../../src/sources/source.ts';
import type { ContactOutcome } from '../../../../src/vcard/prepare-contacts.ts';
import { prepareContacts } from '../../../../src/vcard/prepare-contacts.ts';
import { surveyAddressBook } from '../../../../src/vcard/survey-address-book.ts';
import {
  CONTACTS_SCOPE,
  OTHER_CONTACTS_SCOPE,
  peopleApi,
} from '../../../standins/google/people-api.ts';
import type { PeopleData } from '../../../standins/google/people-api.ts';
import { TokenBook, startGoogleStandIn } from '../../../standins/google/stand-in-server.ts';
import type { RunningStandIn, StandInFault } from '../../../standins/google/stand-in-server.ts';

const fr = createI18n('fr').t;
const signal = new AbortController().signal;
let standIn: RunningStandIn | null = null;
afterEach(async () => {
  await standIn?.close();
  standIn = null;
});

/** The stand-in with this data, and a context signed in with these scopes. */
async function signedIn(data: PeopleData, scopes: readonly string[]): Promise<GoogleApiContext> {
  const tokens = new TokenBook();
  standIn = await startGoogleStandIn({ routes: [peopleApi(data)], tokens });
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: tokens.issue(scopes) });
  return {
    auth,
    endpoints: endpointsUnder(standIn.url),
    signal,
    call: (request) => request(signal),
  };
}

function person(i: number, extra: people_v1.Schema$Person = {}): people_v1.Schema$Person {
  return {
    resourceName: `people/c${i}`,
    names: [{ displayName: `Personne ${i}`, givenName: 'Personne', familyName: String(i) }],
    emailAddresses: [{ value: `personne.${i}@example.org`, type: 'home' }],
    memberships: [
      { contactGroupMembership: { contactGroupResourceName: 'contactGroups/myContacts' } },
    ],
    ...extra,
  };
}

const SYSTEM_GROUPS: people_v1.Schema$ContactGroup[] = [
  {
    resourceName: 'contactGroups/myContacts',
    groupType: 'SYSTEM_CONTACT_GROUP',
    name: 'myContacts',
    formattedName: 'Mes contacts',
  },
  {
    resourceName: 'contactGroups/starred',
    groupType: 'SYSTEM_CONTACT_GROUP',
    name: 'starred',
    formattedName: 'Favoris',
  },
  {
    resourceName: 'contactGroups/all',
    groupType: 'SYSTEM_CONTACT_GROUP',
    name: 'all',
    formattedName: 'Tous',
  },
];

async function cardsOf(book: SourceAddressBook | undefined): Promise<string[]> {
  const cards: string[] = [];
  for await (const card of book?.content.open() ?? []) cards.push(card);
  return cards;
}

function requestsTo(path: string): string[] {
  return (standIn?.requests ?? []).filter((line) => line.startsWith(`GET ${path}`));
}

describe('reading Google Contacts live', () => {
  it('reads every page of 1,000 people, with every field asked for, and counts as the archive', async () => {
    const connections = Array.from({ length: 2345 }, (_v, i) =>
      person(
        i,
        i % 100 === 0
          ? {
              memberships: [
                {
                  contactGroupMembership: { contactGroupResourceName: 'contactGroups/myContacts' },
                },
                { contactGroupMembership: { contactGroupResourceName: 'contactGroups/starred' } },
                { contactGroupMembership: { contactGroupResourceName: 'contactGroups/ecole' } },
              ],
            }
          : {},
      ),
    );
    const contactGroups = [
      ...SYSTEM_GROUPS,
      { resourceName: 'contactGroups/ecole', groupType: 'USER_CONTACT_GROUP', name: 'École' },
      { resourceName: 'contactGroups/amis', groupType: 'USER_CONTACT_GROUP', name: 'amis' },
    ];
    const api = await signedIn(
      { connections, contactGroups, otherContacts: [], photos: new Map() },
      [CONTACTS_SCOPE],
    );
    const seen: number[] = [];
    const reading = await readGoogleContacts({
      api,
      t: fr,
      onProblem: () => {
        throw new Error('no problem expected');
      },
      onItems: (count) => seen.push(count),
      otherContacts: false,
    });
    const pages = requestsTo('/v1/people/me/connections');
    expect(pages).toHaveLength(3);
    for (const page of pages) {
      const query = new URL(page.slice(4), 'http://x').searchParams;
      expect(query.get('pageSize')).toBe('1000');
      expect(query.get('sources')).toBe('READ_SOURCE_TYPE_CONTACT');
      expect(query.get('personFields')?.split(',')).toEqual(
        expect.arrayContaining([
          'names',
          'emailAddresses',
          'photos',
          'memberships',
          'userDefined',
          'miscKeywords',
        ]),
      );
    }
    expect(seen).toEqual([1000, 2000, 2345]);
    expect(requestsTo('/v1/otherContacts')).toEqual([]);
    expect(reading.addressBooks).toHaveLength(1);
    const [book] = reading.addressBooks;
    expect(book).toMatchObject({ key: 'contacts', otherContacts: false, count: 2345 });
    expect(book?.displayName).toBe(fr('migration:contacts.book-name'));
    expect(await cardsOf(book)).toHaveLength(2345);
    // The labels the cards carry (a label nobody has is not one the scan shows, as for an archive).
    expect(reading.facts).toEqual({
      count: 2345,
      labels: ['École'],
      starred: 24,
      otherContacts: 0,
    });
  });

  it('reads Google’s other contacts only when asked, into the same book, told apart as the archive does', async () => {
    const data: PeopleData = {
      connections: [person(1), person(2)],
      contactGroups: SYSTEM_GROUPS,
      otherContacts: [
        // Also saved (same address): that saved person, counted once.
        { resourceName: 'otherContacts/c1', emailAddresses: [{ value: 'personne.1@example.org' }] },
        {
          resourceName: 'otherContacts/c7',
          names: [{ displayName: 'Vendeur' }],
          emailAddresses: [{ value: 'vendeur@shop.example' }],
        },
      ],
      photos: new Map(),
    };
    const api = await signedIn(data, [CONTACTS_SCOPE, OTHER_CONTACTS_SCOPE]);
    const reading = await readGoogleContacts({
      api,
      t: fr,
      onProblem: () => undefined,
      otherContacts: true,
    });
    const [other] = requestsTo('/v1/otherContacts');
    expect(new URL(other?.slice(4) ?? '', 'http://x').searchParams.get('readMask')).toBe(
      'names,emailAddresses,phoneNumbers,photos',
    );
    expect(reading.facts).toEqual({ count: 2, labels: [], starred: 0, otherContacts: 1 });
    expect(reading.addressBooks.map((book) => book.otherContacts)).toEqual([false]);
    const survey = await surveyAddressBook(
      reading.addressBooks[0]?.content ?? { key: '', open: () => [] },
    );
    expect([...survey.byIdentity.values()].map((record) => record.group).sort()).toEqual([
      'other',
      'same-as-saved',
      'saved',
      'saved',
    ]);
  });

  it('fails, naming Google’s refusal, when other contacts are asked without their scope', async () => {
    const api = await signedIn(
      {
        connections: [person(1)],
        contactGroups: SYSTEM_GROUPS,
        otherContacts: [],
        photos: new Map(),
      },
      [CONTACTS_SCOPE],
    );
    await expect(
      readGoogleContacts({ api, t: fr, onProblem: () => undefined, otherContacts: true }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('names a person it cannot turn into a card, and reads the others', async () => {
    const broken = {
      ...person(2),
      phoneNumbers: { value: '06' },
    } as unknown as people_v1.Schema$Person;
    const api = await signedIn(
      {
        connections: [person(1), broken, person(3)],
        contactGroups: SYSTEM_GROUPS,
        otherContacts: [],
        photos: new Map(),
      },
      [CONTACTS_SCOPE],
    );
    const problems: ProblemFact[] = [];
    const reading = await readGoogleContacts({
      api,
      t: fr,
      onProblem: (p) => problems.push(p),
      otherContacts: false,
    });
    expect(problems).toEqual([
      {
        code: 'items.google-contact-unreadable',
        where: 'Personne 2',
        params: { detail: 'phoneNumbers' },
      },
    ]);
    expect(await cardsOf(reading.addressBooks[0])).toHaveLength(2);
    expect(reading.facts.count).toBe(2);
  });

  it('hands photo links to the engine, which downloads them from the stand-in; default avatars never asked for', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
    const data: PeopleData = {
      connections: [
        person(1, { photos: [{ url: 'https://lh3.googleusercontent.com/contacts/ABC=s100' }] }),
        person(2, {
          photos: [{ url: 'https://lh3.googleusercontent.com/cm/default-2', default: true }],
        }),
      ],
      contactGroups: SYSTEM_GROUPS,
      otherContacts: [],
      photos: new Map([['https://lh3.googleusercontent.com/contacts/ABC=s100', jpeg]]),
    };
    const api = await signedIn(data, [CONTACTS_SCOPE]);
    const reading = await readGoogleContacts({
      api,
      t: fr,
      onProblem: () => undefined,
      otherContacts: false,
    });
    const book = reading.addressBooks[0];
    if (book === undefined) throw new Error('no address book');
    const fetch = googlePhotoFetch(api.endpoints, globalThis.fetch);
    const outcomes: ContactOutcome[] = [];
    for await (const outcome of prepareContacts(
      book.content,
      await surveyAddressBook(book.content),
      {
        version: '3.0',
        starredLabel: 'Favoris',
        photos: { fetch },
      },
    )) {
      outcomes.push(outcome);
    }
    const ready = outcomes.flatMap((outcome) => (outcome.status === 'ready' ? [outcome] : []));
    expect(ready.map((outcome) => outcome.problems)).toEqual([[], []]);
    const withPhoto = ready.find((outcome) => outcome.resource.where === 'Personne 1');
    expect(withPhoto?.resource.vcard.replace(/\r\n /g, '')).toContain(
      `PHOTO;ENCODING=b;TYPE=JPEG:${jpeg.toString('base64')}`,
    );
    expect(
      ready.find((outcome) => outcome.resource.where === 'Personne 2')?.resource.vcard,
    ).not.toContain('PHOTO');
    expect(requestsTo('/googleusercontent/')).toEqual([
      'GET /googleusercontent/lh3.googleusercontent.com/contacts/ABC=s100',
    ]);
  });

  it('sends every request through the context’s call, under its signal, and stops when cancelled', async () => {
    const connections = Array.from({ length: 1500 }, (_v, i) => person(i));
    const api = await signedIn(
      { connections, contactGroups: SYSTEM_GROUPS, otherContacts: [], photos: new Map() },
      [CONTACTS_SCOPE, OTHER_CONTACTS_SCOPE],
    );
    let calls = 0;
    const counted: GoogleApiContext = {
      ...api,
      call: (request) => {
        calls += 1;
        return request(signal);
      },
    };
    await readGoogleContacts({
      api: counted,
      t: fr,
      onProblem: () => undefined,
      otherContacts: true,
    });
    // Groups, two pages of people, one of other contacts: each request once through `call`.
    expect(calls).toBe(4);
    expect(standIn?.requests).toHaveLength(4);

    const cancel = new AbortController();
    const cancelling: GoogleApiContext = {
      ...api,
      signal: cancel.signal,
      call: (request) => {
        // Cancelled once the labels are read: the next request is aborted, not sent.
        if (standIn?.requests.length === 5) cancel.abort();
        return request(cancel.signal);
      },
    };
    await expect(
      readGoogleContacts({
        api: cancelling,
        t: fr,
        onProblem: () => undefined,
        otherContacts: false,
      }),
    ).rejects.toThrow();
    expect(standIn?.requests).toHaveLength(5);
  });

  it('waits out Google’s “slow down” answers on every list, through the real call', async () => {
    const data: PeopleData = {
      connections: [person(1), person(2)],
      contactGroups: SYSTEM_GROUPS,
      otherContacts: [
        { resourceName: 'otherContacts/c9', emailAddresses: [{ value: 'x@shop.example' }] },
      ],
      photos: new Map(),
    };
    const tokens = new TokenBook();
    // The first request to each list is refused once, each with another of Google's answers.
    const refused = new Map<string, StandInFault>([
      ['/v1/contactGroups', 'rate-limit-429'],
      ['/v1/people/me/connections', 'user-rate-limit-403'],
      ['/v1/otherContacts', 'server-error'],
    ]);
    standIn = await startGoogleStandIn({
      routes: [peopleApi(data)],
      tokens,
      fault: (url) => {
        const fault = refused.get(url.pathname) ?? null;
        refused.delete(url.pathname);
        return fault;
      },
    });
    const auth = new OAuth2Client();
    auth.setCredentials({ access_token: tokens.issue([CONTACTS_SCOPE, OTHER_CONTACTS_SCOPE]) });
    const waits: number[] = [];
    const api = createApiContext({
      auth,
      endpoints: endpointsUnder(standIn.url),
      signal,
      sleep: () => Promise.resolve(),
      random: () => 0.5,
      onWait: (wait) => waits.push(wait.status),
    });
    const reading = await readGoogleContacts({
      api,
      t: fr,
      onProblem: () => undefined,
      otherContacts: true,
    });
    expect(waits).toEqual([429, 403, 503]);
    expect(reading.facts).toEqual({ count: 2, labels: [], starred: 0, otherContacts: 1 });
  });

  it('the photo fetch never leaves for another host when the APIs are the stand-in', async () => {
    const fetch = googlePhotoFetch(endpointsUnder('http://127.0.0.1:9/'), () => {
      throw new Error('must not be called');
    });
    await expect(fetch('https://example.org/photo.jpg', {})).rejects.toThrow(TypeError);
    await expect(fetch('http://lh3.googleusercontent.com/x', {})).rejects.toThrow(TypeError);
  });
});

describe('the stand-in’s People API answers as Google documents', () => {
  it('refuses a list without its field mask, an unknown field, a page size over 1,000, and changed parameters', async () => {
    const api = await signedIn(
      {
        connections: [person(1), person(2), person(3)],
        contactGroups: SYSTEM_GROUPS,
        otherContacts: [],
        photos: new Map(),
      },
      [CONTACTS_SCOPE, OTHER_CONTACTS_SCOPE],
    );
    const base = api.endpoints.people;
    const token = (await api.auth.getAccessToken()).token ?? '';
    const get = (path: string) =>
      fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect((await get('v1/people/me/connections')).status).toBe(400);
    expect((await get('v1/people/me/connections?personFields=names,shoeSize')).status).toBe(400);
    expect((await get('v1/people/me/connections?personFields=names&pageSize=1001')).status).toBe(
      400,
    );
    expect((await get('v1/otherContacts')).status).toBe(400);
    expect((await get('v1/otherContacts?readMask=addresses')).status).toBe(400);
    const first = (await (
      await get('v1/people/me/connections?personFields=names&pageSize=2')
    ).json()) as {
      connections: object[];
      nextPageToken: string;
    };
    expect(first.connections).toEqual([
      {
        resourceName: 'people/c1',
        names: [{ displayName: 'Personne 1', givenName: 'Personne', familyName: '1' }],
      },
      {
        resourceName: 'people/c2',
        names: [{ displayName: 'Personne 2', givenName: 'Personne', familyName: '2' }],
      },
    ]);
    const changed = await get(
      `v1/people/me/connections?personFields=urls&pageSize=2&pageToken=${first.nextPageToken}`,
    );
    expect(changed.status).toBe(400);
    const next = (await (
      await get(
        `v1/people/me/connections?personFields=names&pageSize=2&pageToken=${first.nextPageToken}`,
      )
    ).json()) as {
      connections: object[];
      nextPageToken?: string;
    };
    expect(next.connections).toHaveLength(1);
    expect(next.nextPageToken).toBeUndefined();
    const unsigned = await fetch(`${base}v1/people/me/connections?personFields=names`);
    expect(unsigned.status).toBe(401);
  });
});
