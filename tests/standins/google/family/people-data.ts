// The family of a TakeoutSpec as Google's People API holds it, for the stand-in: the same
// people, with the same details, labels and star, as the archive's cards
// (tests/fixtures/takeout/takeout-spec.ts, renderCard): a saved person is a connection in
// `myContacts`, a person the archive writes without `myContacts` is one of Google's "other
// contacts" — which the People API gives with names, e-mail addresses and phone numbers only
// (otherContacts.list's readMask), so the archive's address and note of such a person have no
// live counterpart. Labels are contact groups; the star is the `starred` system group.
import type { people_v1 } from '@googleapis/people';
import type { TakeoutSpec } from '../../../fixtures/takeout/takeout-spec.ts';
import type { PeopleData } from '../people-api.ts';

/** The details renderCard gives the i-th person, as People API fields. */
function details(name: string, i: number): people_v1.Schema$Person {
  const [first = '', ...rest] = name.split(' ');
  const last = rest.join(' ');
  return {
    names: [{ displayName: name, unstructuredName: name, givenName: first, familyName: last }],
    emailAddresses: [{ value: `${first.toLowerCase()}.${i}@example.org`, type: 'home' }],
    phoneNumbers: [
      {
        value: `+33 6 12 34 ${String(i % 100).padStart(2, '0')} ${String(i % 97).padStart(2, '0')}`,
        type: 'mobile',
      },
    ],
  };
}

function groupId(label: string): string {
  return `contactGroups/${Buffer.from(label).toString('hex').slice(0, 16)}`;
}

export function peopleData(spec: TakeoutSpec): PeopleData {
  const people = spec.people ?? [];
  const labels = [...new Set(people.flatMap((person) => person.labels ?? []))];
  const contactGroups: people_v1.Schema$ContactGroup[] = [
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
    ...labels.map((label) => ({
      resourceName: groupId(label),
      groupType: 'USER_CONTACT_GROUP',
      name: label,
      formattedName: label,
    })),
  ];
  const connections: people_v1.Schema$Person[] = [];
  const otherContacts: people_v1.Schema$Person[] = [];
  people.forEach((person, i) => {
    if (person.myContacts === false) {
      otherContacts.push({ resourceName: `otherContacts/c${i}`, ...details(person.name, i) });
      return;
    }
    const memberships = [
      'contactGroups/myContacts',
      ...(person.starred === true ? ['contactGroups/starred'] : []),
      ...(person.labels ?? []).map(groupId),
    ].map((resourceName) => ({
      contactGroupMembership: { contactGroupResourceName: resourceName },
    }));
    connections.push({
      resourceName: `people/c${i}`,
      ...details(person.name, i),
      // No type: the archive writes this address grouped with an empty label.
      addresses: [
        {
          streetAddress: '12 rue de la République\nAppartement 4',
          city: 'Lyon',
          postalCode: '69002',
          country: 'France',
        },
      ],
      biographies: [
        {
          value: `Rencontré·e à la kermesse de l’école en ${2000 + (i % 24)}, très gentil·le. Toujours partant·e pour aider.`,
          contentType: 'TEXT_PLAIN',
        },
      ],
      memberships,
    });
  });
  return { connections, contactGroups, otherContacts, photos: new Map() };
}
