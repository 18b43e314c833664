// A person with every field the People API has and a vCard can hold, custom types included:
// the unit tests check the card written for them line by line, the server tests store it.
import type { people_v1 } from '@googleapis/people';

export const member = (resourceName: string): people_v1.Schema$Membership => ({
  contactGroupMembership: { contactGroupResourceName: resourceName },
});

export const everyField: people_v1.Schema$Person = {
  resourceName: 'people/c1',
  names: [
    {
      displayName: 'Alice Martin',
      unstructuredName: 'Mme Alice Marie Martin',
      familyName: 'Martin',
      givenName: 'Alice',
      middleName: 'Marie',
      honorificPrefix: 'Mme',
      phoneticGivenName: 'Aliss',
      phoneticFamilyName: 'Martin',
    },
  ],
  nicknames: [{ value: 'Lili' }],
  emailAddresses: [
    { value: 'alice@example.org', type: 'home' },
    { value: 'alice@work.example', type: 'work' },
    { value: 'alice@other.example', type: 'other' },
    { value: 'alice@club.example', type: 'Club' },
  ],
  imClients: [
    { username: 'alice.skype', protocol: 'skype' },
    { username: 'alice@matrix.example', protocol: 'Matrix' },
  ],
  phoneNumbers: [
    { value: '+33 6 12 34 56 78', type: 'mobile' },
    { value: '+33 1 23 45 67 89', type: 'workFax' },
    { value: '+1 212 555 4567', type: 'googleVoice' },
    { value: '01 02 03 04 05', type: 'other' },
  ],
  addresses: [
    {
      type: 'home',
      streetAddress: '12 rue de la République\nAppartement 4',
      city: 'Lyon',
      postalCode: '69002',
      country: 'France',
    },
    { type: 'Vacances', formattedValue: 'Chalet des Pins, Chamonix' },
  ],
  organizations: [{ name: 'Mairie', department: 'École', title: 'Directrice' }],
  occupations: [{ value: 'Enseignante' }],
  birthdays: [{ date: { year: 1980, month: 3, day: 22 }, text: '22/03/1980' }],
  urls: [
    { value: 'https://blog.example.org/', type: 'blog' },
    { value: 'https://work.example/', type: 'work' },
  ],
  events: [{ date: { year: 2005, month: 6, day: 18 }, type: 'anniversary' }],
  relations: [
    { person: 'Bruno Petit', type: 'spouse' },
    { person: 'Tata Jeanne', type: 'Marraine' },
  ],
  sipAddresses: [{ value: 'sip:alice@voip.example', type: 'home' }],
  calendarUrls: [{ url: 'https://cal.example/alice', type: 'home' }],
  locations: [{ value: 'Bureau 12', type: 'desk' }],
  externalIds: [{ value: 'A-42', type: 'customer' }],
  miscKeywords: [{ value: 'VIP', type: 'OUTLOOK_KEYWORD' }],
  biographies: [{ value: 'Rencontrée à la kermesse, très gentille; toujours là.' }],
  userDefined: [{ key: 'Taille de chaussures', value: '38' }],
  photos: [
    { url: 'https://lh3.googleusercontent.com/cm/default-A', default: true },
    { url: 'https://lh3.googleusercontent.com/contacts/alice', metadata: { primary: true } },
  ],
  memberships: [
    member('contactGroups/myContacts'),
    member('contactGroups/starred'),
    member('contactGroups/4f1a'),
    member('contactGroups/77b2'),
    member('contactGroups/deleted-label'),
    member('contactGroups/4f1a'),
  ],
};
