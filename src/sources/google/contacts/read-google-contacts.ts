// Google Contacts read live through the People API: every saved person (`people.connections.list`
// on people/me, every field a vCard can hold, 1,000 a page, every page), the labels
// (`contactGroups.list`), and Google's "other contacts" (`otherContacts.list`) only when the
// family asked for them (the `contacts.other.readonly` scope). Each person becomes the card the
// archive holds for them (person-to-vcard.ts); the cards are then handed to the engine as an
// archive's are, so the scan's counts and the UIDs come out the same from either way.
//
// Saved and other contacts go in ONE address book, as the archive path puts them: the engine
// tells them apart by `myContacts` (src/vcard/survey-address-book.ts) and moves an "other
// contact" who is also saved once, as saved — which it can only do seeing both in one book.
import { people } from '@googleapis/people';
import { pages } from '../../../google/api/pages.ts';
import type { people_v1 } from '@googleapis/people';
import type { SourceAddressBook } from '../../source.ts';
import type { ContactsSource } from '../../../vcard/survey-address-book.ts';
import type { GoogleContactsReading, GoogleReadOptions } from '../google-readings.ts';
import { readContactGroups } from './contact-groups.ts';
import { contactsFacts } from './contacts-facts.ts';
import { personToVcard } from './person-to-vcard.ts';
import type { GroupNames } from './person-to-vcard.ts';

/** Every field of a person a vCard can hold (People API `personFields`). */
export const PERSON_FIELDS = [
  'names',
  'nicknames',
  'emailAddresses',
  'phoneNumbers',
  'addresses',
  'organizations',
  'birthdays',
  'events',
  'urls',
  'biographies',
  'relations',
  'imClients',
  'photos',
  'memberships',
  'userDefined',
  'occupations',
  'sipAddresses',
  'calendarUrls',
  'locations',
  'externalIds',
  'miscKeywords',
].join(',');

/** What `otherContacts.list` can give of a contact source (People API `readMask`). */
export const OTHER_CONTACT_FIELDS = 'names,emailAddresses,phoneNumbers,photos';

/**
 * The family's own contacts only: without it Google adds what people show on their Google
 * profile, which the archive does not hold (and which is theirs, not the family's).
 */
const CONTACT_SOURCE = ['READ_SOURCE_TYPE_CONTACT'];

export async function readGoogleContacts(
  options: GoogleReadOptions & { readonly otherContacts: boolean },
): Promise<GoogleContactsReading> {
  const { api, t } = options;
  const client = people({ version: 'v1', auth: api.auth, rootUrl: api.endpoints.people });
  const groups = await readContactGroups(client, api);
  const cards: string[] = [];
  const lines: (readonly string[])[] = [];
  let read = 0;
  const take = (persons: readonly people_v1.Schema$Person[], names: GroupNames) => {
    for (const person of persons) {
      const card = personToVcard(person, names);
      if (card.ok) {
        cards.push(card.vcard);
        lines.push(card.lines);
      } else {
        options.onProblem(card.problem);
      }
    }
    read += persons.length;
    options.onItems?.(read);
  };
  const saved = pages(async (pageToken) => {
    const { data } = await api.call((signal) =>
      client.people.connections.list(
        {
          resourceName: 'people/me',
          personFields: PERSON_FIELDS,
          pageSize: 1000,
          sources: CONTACT_SOURCE,
          ...(pageToken === undefined ? {} : { pageToken }),
        },
        { signal, retry: false },
      ),
    );
    return { items: data.connections, nextPageToken: data.nextPageToken };
  });
  for await (const persons of saved) take(persons, groups);
  if (options.otherContacts) {
    // Other contacts belong to no group: no CATEGORIES, as in the archive.
    const none: GroupNames = new Map();
    const others = pages(async (pageToken) => {
      const { data } = await api.call((signal) =>
        client.otherContacts.list(
          {
            readMask: OTHER_CONTACT_FIELDS,
            pageSize: 1000,
            sources: CONTACT_SOURCE,
            ...(pageToken === undefined ? {} : { pageToken }),
          },
          { signal, retry: false },
        ),
      );
      return { items: data.otherContacts, nextPageToken: data.nextPageToken };
    });
    for await (const persons of others) take(persons, none);
  }
  const content: ContactsSource = { key: 'Google Contacts', open: () => cards };
  const facts = contactsFacts(lines);
  const book: SourceAddressBook = {
    // The archive's key: a family who moved an archive before meets the same address book.
    key: 'contacts',
    displayName: t('migration:contacts.book-name'),
    description: t('migration:contacts.book-description'),
    color: null,
    count: facts.count,
    content,
    otherContacts: false,
  };
  return { addressBooks: cards.length === 0 ? [] : [book], facts };
}
