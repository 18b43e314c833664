// The family's contact groups ("labels" in Google Contacts) → the names CATEGORIES gives them,
// as the archive writes them: a label the family made by its name, Google's `myContacts` and
// `starred` by those exact words (TAKEOUT-NOTES §3.2), the older system groups (Friends,
// Family, Coworkers) by the name Google shows. Groups that are no label (`all`, `blocked`,
// `chatBuddies`) are left out.
import type { people_v1 } from '@googleapis/people';
import type { GoogleApiContext } from '../../../google/google-api-context.ts';
import { MY_CONTACTS, STARRED } from '../../../vcard/survey-address-book.ts';
import { pages } from '../../../google/api/pages.ts';
import type { GroupNames } from './person-to-vcard.ts';

const SYSTEM_NAMES: Readonly<Record<string, string>> = {
  myContacts: MY_CONTACTS,
  starred: STARRED,
};
const NOT_LABELS = new Set(['all', 'blocked', 'chatBuddies']);

/** The name a group has on a card, or undefined when it is no label. */
export function groupName(group: people_v1.Schema$ContactGroup): string | undefined {
  const name = typeof group.name === 'string' ? group.name : '';
  if (group.groupType !== 'SYSTEM_CONTACT_GROUP') return name === '' ? undefined : name;
  if (NOT_LABELS.has(name)) return undefined;
  const shown = typeof group.formattedName === 'string' ? group.formattedName : '';
  return SYSTEM_NAMES[name] ?? (shown || name || undefined);
}

export async function readContactGroups(
  client: people_v1.People,
  api: GoogleApiContext,
): Promise<GroupNames> {
  const names = new Map<string, string>();
  const listed = pages(async (pageToken) => {
    const { data } = await api.call((signal) =>
      client.contactGroups.list(
        {
          pageSize: 1000,
          groupFields: 'name,groupType',
          ...(pageToken === undefined ? {} : { pageToken }),
        },
        { signal, retry: false },
      ),
    );
    return { items: data.contactGroups, nextPageToken: data.nextPageToken };
  });
  for await (const page of listed) {
    for (const group of page) {
      const name = groupName(group);
      if (typeof group.resourceName === 'string' && name !== undefined) {
        names.set(group.resourceName, name);
      }
    }
  }
  return names;
}
