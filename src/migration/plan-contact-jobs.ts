// A source's address book → one new CardDAV address book, one vCard per person, in the vCard
// version the server takes. Google's "other contacts" (people it added by itself) come only when
// the family chose them; one of them who is also a saved contact comes once, as saved.
import { supportedAddressData } from '../dav/address-data.ts';
import type { DavClient } from '../dav/dav-client.ts';
import type { Translator } from '../i18n/create-i18n.ts';
import { chooseVcardVersion } from '../vcard/choose-vcard-version.ts';
import type { FetchLike } from '../net/fetch-like.ts';
import { prepareContacts } from '../vcard/prepare-contacts.ts';
import type { SourceAddressBook } from '../sources/source.ts';
import { surveyAddressBook } from '../vcard/survey-address-book.ts';
import type { AddressBookSurvey, CardRecord } from '../vcard/survey-address-book.ts';
import { collectionJob, slugFor } from './collection-job.ts';
import type { CollectionJob } from './collection-job.ts';
import { addressBookCollectionSink, textItemSink } from './dav-sinks.ts';
import type { SourceEntry } from '../sink/item-sink.ts';
import { notSent, textItem } from './source-entries.ts';

export async function planContactJob(args: {
  book: SourceAddressBook;
  client: DavClient;
  home: string;
  t: Translator;
  signal: AbortSignal;
  /** Downloads contact photos; absent when offline (photo links are then reported). */
  fetchPhoto?: FetchLike;
  /** Also Google's "other contacts" (MigrationSelection.otherContacts). */
  otherContacts: boolean;
}): Promise<CollectionJob | null> {
  const { book } = args;
  // A book of nothing but Google's "other contacts" moves only when the family ticked them.
  if (book.otherContacts && !args.otherContacts) return null;
  const source = book.content;
  const survey = await surveyAddressBook(source);
  const { include, found } = contactsToMove(survey, args.otherContacts || book.otherContacts);
  // Nothing the family wants here (only other contacts, left out): no empty address book.
  if (found === 0 && survey.unreadable === 0) return null;
  const { displayName } = book;
  let version: '3.0' | '4.0' = '3.0';
  return collectionJob({
    kind: 'contacts',
    spec: {
      sourceKey: book.key,
      displayName,
      slug: slugFor(displayName, 'contacts'),
      ...(book.description === null ? {} : { description: book.description }),
    },
    collectionSink: addressBookCollectionSink(args.client, args.home),
    // Once the address book exists, ask it which vCard version it stores (RFC 6352 §6.2.2).
    beforeSync: async (collection, signal) => {
      version = chooseVcardVersion(
        await supportedAddressData(args.client, collection.href, signal),
      );
    },
    itemSink: textItemSink(args.client, 'text/vcard; charset=utf-8'),
    found,
    entries: async function* (): AsyncGenerator<SourceEntry<string>> {
      const outcomes = prepareContacts(source, survey, {
        version,
        starredLabel: args.t('items:contact.starred'),
        include,
        ...(args.fetchPhoto === undefined
          ? {}
          : { photos: { fetch: args.fetchPhoto, signal: args.signal } }),
      });
      let position = 0;
      for await (const outcome of outcomes) {
        position += 1;
        if (outcome.status === 'ready') {
          yield textItem(outcome.resource, outcome.resource.vcard, outcome.problems);
        } else {
          yield* notSent(`contact#${position}`, outcome.where, outcome.problems);
        }
      }
    },
  });
}

/**
 * Which people move: the saved ones, and Google's "other contacts" only when chosen. An other
 * contact who is also saved (same e-mail address) never moves apart: the saved card is that person.
 */
export function contactsToMove(
  survey: AddressBookSurvey,
  otherContacts: boolean,
): { include: (record: CardRecord) => boolean; found: number } {
  return {
    include: (record) => record.group === 'saved' || (otherContacts && record.group === 'other'),
    found: survey.saved + (otherContacts ? survey.other : 0),
  };
}
