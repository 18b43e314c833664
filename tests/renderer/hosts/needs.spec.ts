import { describe, expect, it } from 'vitest';
import { needsOf } from '../../../renderer/src/hosts/needs.ts';

describe('needsOf', () => {
  it('asks for what the family chose to move, in the engine’s order', () => {
    expect(
      needsOf({
        calendars: ['a'],
        contacts: true,
        tasks: false,
        files: true,
        photos: false,
        editedPhotos: true,
        notes: false,
        otherContacts: false,
      }),
    ).toEqual(['files', 'calendars', 'contacts']);
    expect(
      needsOf({
        calendars: [],
        contacts: true,
        tasks: false,
        files: false,
        photos: false,
        editedPhotos: true,
        notes: false,
        otherContacts: false,
      }),
    ).toEqual(['contacts']);
  });

  it('needs a files space for photos or notes alone', () => {
    const none = {
      calendars: [],
      contacts: false,
      tasks: false,
      files: false,
      otherContacts: false,
    };
    expect(needsOf({ ...none, photos: true, editedPhotos: true, notes: false })).toEqual(['files']);
    expect(needsOf({ ...none, photos: false, editedPhotos: true, notes: true })).toEqual(['files']);
  });

  it('needs calendars for tasks alone: to-dos live in calendars', () => {
    expect(
      needsOf({
        calendars: [],
        contacts: false,
        tasks: true,
        files: false,
        photos: false,
        editedPhotos: true,
        notes: false,
        otherContacts: false,
      }),
    ).toEqual(['calendars']);
  });

  it('asks for everything when nothing is known or nothing is chosen', () => {
    const all = ['files', 'calendars', 'contacts'];
    expect(needsOf(undefined)).toEqual(all);
    expect(
      needsOf({
        calendars: [],
        contacts: false,
        tasks: false,
        files: false,
        photos: false,
        editedPhotos: true,
        notes: false,
        otherContacts: false,
      }),
    ).toEqual(all);
  });
});
