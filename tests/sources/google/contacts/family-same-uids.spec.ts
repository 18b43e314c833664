// One family, two ways in: the Dupont family's contacts read from their Takeout archive and read
// live from the stand-in's People API (tests/standins/google/family/people-data.ts) must give
// the engine the same people — the same UIDs, so that a family who moved an archive and signs
// in later gets updates, never duplicates — and, for the people they saved, the same cards to
// the byte. Google's "other contacts" come live with names, e-mails and phones only (the
// People API gives no more of them): same UID, fewer details.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpointsUnder } from '../../../../src/google/google-endpoints.ts';
import { createI18n } from '../../../../src/i18n/create-i18n.ts';
import { readGoogleContacts } from '../../../../src/sources/google/contacts/read-google-contacts.ts';
import type { GoogleContactsReading } from '../../../../src/sources/google/google-readings.ts';
import type { SourceAddressBook } from '../../../../src/sources/source.ts';
import { openTakeoutSource } from '../../../../src/sources/takeout/open-takeout-source.ts';
import { prepareContacts } from '../../../../src/vcard/prepare-contacts.ts';
import { surveyAddressBook } from '../../../../src/vcard/survey-address-book.ts';
import { buildTakeout } from '../../../fixtures/takeout/build-takeout.ts';
import { familySpec } from '../../../fixtures/takeout/family-spec.ts';
import { peopleData } from '../../../standins/google/family/people-data.ts';
import { CONTACTS_SCOPE, OTHER_CONTACTS_SCOPE } from '../../../standins/google/people-api.ts';
import { peopleApi } from '../../../standins/google/people-api.ts';
import { TokenBook, startGoogleStandIn } from '../../../standins/google/stand-in-server.ts';
import type { RunningStandIn } from '../../../standins/google/stand-in-server.ts';

const fr = createI18n('fr').t;
const signal = new AbortController().signal;
const spec = familySpec('fr');

interface Moved {
  readonly uid: string;
  readonly vcard: string;
  readonly saved: boolean;
}

/** What the engine would send for each person of the book, by name. */
async function moved(book: SourceAddressBook | undefined): Promise<Map<string, Moved>> {
  if (book === undefined) throw new Error('no address book');
  const survey = await surveyAddressBook(book.content);
  const result = new Map<string, Moved>();
  for await (const outcome of prepareContacts(book.content, survey, {
    version: '3.0',
    starredLabel: fr('items:contact.starred'),
  })) {
    if (outcome.status !== 'ready') throw new Error(`not sent: ${outcome.where}`);
    const { where, uid, vcard, inMyContacts } = outcome.resource;
    result.set(where, { uid, vcard, saved: inMyContacts });
  }
  return result;
}

let dir: string;
let standIn: RunningStandIn;
let archiveBook: SourceAddressBook | undefined;
let archiveFacts: GoogleContactsReading['facts'];
let token: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-google-contacts-'));
  const parts = await buildTakeout(dir, spec, { format: 'folder' });
  const source = await openTakeoutSource(parts, { t: fr, tmpDir: null });
  const inventory = await source.read({ signal, onProblem: () => undefined });
  archiveBook = inventory.addressBooks[0];
  archiveFacts = inventory.facts.contacts;
  const tokens = new TokenBook();
  standIn = await startGoogleStandIn({ routes: [peopleApi(peopleData(spec))], tokens });
  token = tokens.issue([CONTACTS_SCOPE, OTHER_CONTACTS_SCOPE]);
});
afterAll(async () => {
  await standIn.close();
  rmSync(dir, { recursive: true, force: true });
});

async function readLive(otherContacts: boolean): Promise<GoogleContactsReading> {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: token });
  return readGoogleContacts({
    api: {
      auth,
      endpoints: endpointsUnder(standIn.url),
      signal,
      call: (request) => request(signal),
    },
    t: fr,
    onProblem: (problem) => {
      throw new Error(`unexpected problem ${JSON.stringify(problem)}`);
    },
    otherContacts,
  });
}

describe('the Dupont family’s contacts, from the archive and live', () => {
  it('gives every person the same UID, and each saved person the same card', async () => {
    const fromArchive = await moved(archiveBook);
    const live = await readLive(true);
    const fromGoogle = await moved(live.addressBooks[0]);
    expect([...fromGoogle.keys()].sort()).toEqual([...fromArchive.keys()].sort());
    expect(fromArchive.size).toBe(spec.people?.length);
    for (const [name, archived] of fromArchive) {
      const read = fromGoogle.get(name);
      expect(read?.uid, name).toBe(archived.uid);
      expect(read?.saved, name).toBe(archived.saved);
      if (archived.saved) expect(read?.vcard, name).toBe(archived.vcard);
    }
    // "What we found" says the same of both.
    expect(live.facts).toEqual(archiveFacts);
    expect(
      live.addressBooks.map(({ key, displayName, otherContacts }) => ({
        key,
        displayName,
        otherContacts,
      })),
    ).toEqual(
      [archiveBook].map((book) => ({
        key: book?.key,
        displayName: book?.displayName,
        otherContacts: book?.otherContacts,
      })),
    );
  });

  it('gives the saved people the same UIDs when other contacts are not asked for', async () => {
    const fromArchive = await moved(archiveBook);
    const live = await readLive(false);
    const fromGoogle = await moved(live.addressBooks[0]);
    const saved = [...fromArchive].filter(([, person]) => person.saved);
    expect(saved.length).toBeGreaterThan(0);
    expect([...fromGoogle].map(([name, person]) => [name, person.uid]).sort()).toEqual(
      saved.map(([name, person]) => [name, person.uid]).sort(),
    );
    expect(live.facts).toEqual({ ...archiveFacts, otherContacts: 0 });
  });
});
