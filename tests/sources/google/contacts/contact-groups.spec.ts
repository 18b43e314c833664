// Contact groups → the names CATEGORIES gives them, as the archive writes them.
import { describe, expect, it } from 'vitest';
import { groupName } from '../../../../src/sources/google/contacts/contact-groups.ts';

describe('a contact group’s name on a card', () => {
  it('is the label’s own name, Google’s words for its system groups, and nothing for non-labels', () => {
    expect(
      groupName({ groupType: 'USER_CONTACT_GROUP', name: 'École', formattedName: 'École' }),
    ).toBe('École');
    expect(
      groupName({
        groupType: 'SYSTEM_CONTACT_GROUP',
        name: 'myContacts',
        formattedName: 'Mes contacts',
      }),
    ).toBe('myContacts');
    expect(
      groupName({ groupType: 'SYSTEM_CONTACT_GROUP', name: 'starred', formattedName: 'Favoris' }),
    ).toBe('starred');
    expect(
      groupName({ groupType: 'SYSTEM_CONTACT_GROUP', name: 'family', formattedName: 'Famille' }),
    ).toBe('Famille');
    for (const name of ['all', 'blocked', 'chatBuddies']) {
      expect(
        groupName({ groupType: 'SYSTEM_CONTACT_GROUP', name, formattedName: name }),
      ).toBeUndefined();
    }
    expect(groupName({ groupType: 'USER_CONTACT_GROUP', name: '' })).toBeUndefined();
  });
});
