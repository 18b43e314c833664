import { describe, expect, it } from 'vitest';
import { MigrationSelection, noNotes, noPhotos } from '../../src/contract/index.ts';
import {
  chosenFolder,
  defaultSelection,
  nothingSelected,
  toMigrationSelection,
} from '../../renderer/src/selection.ts';
import { photosScanReport } from './support/photos-reports.ts';

describe('defaultSelection', () => {
  it('chooses the photos, their edited copies and the notes when the scan found some', () => {
    const chosen = defaultSelection(photosScanReport());
    expect(chosen).toMatchObject({ photos: true, editedPhotos: true, notes: true });
    expect(chosen.photosFolder).toBeUndefined();
    expect(chosen.notesFolder).toBeUndefined();
  });

  it('leaves them unchosen when there are none', () => {
    const chosen = defaultSelection(photosScanReport({ photos: noPhotos, notes: noNotes }));
    expect(chosen).toMatchObject({ photos: false, notes: false });
  });
});

describe('nothingSelected', () => {
  const none = {
    ...defaultSelection(photosScanReport()),
    calendars: [],
    contacts: false,
    tasks: false,
    files: false,
    photos: false,
    notes: false,
  };
  it('counts photos alone, or notes alone, as something to move', () => {
    expect(nothingSelected(none)).toBe(true);
    expect(nothingSelected({ ...none, photos: true })).toBe(false);
    expect(nothingSelected({ ...none, notes: true })).toBe(false);
    // Keeping the edited copies is not a choice of its own without the photos.
    expect(nothingSelected({ ...none, editedPhotos: true })).toBe(true);
  });
});

describe('chosenFolder', () => {
  it('drops the spaces around a name, and gives nothing (the default) for a blank one', () => {
    expect(chosenFolder(undefined)).toBeUndefined();
    expect(chosenFolder('')).toBeUndefined();
    expect(chosenFolder('   ')).toBeUndefined();
    expect(chosenFolder('  Souvenirs de famille ')).toBe('Souvenirs de famille');
  });
});

describe('toMigrationSelection', () => {
  it('passes the photos’ choices and the folder names as the command takes them', () => {
    const selection = {
      ...defaultSelection(photosScanReport()),
      editedPhotos: false,
      photosFolder: ' Souvenirs ',
      notesFolder: 'Carnet',
    };
    const chosen = toMigrationSelection(selection);
    expect(chosen).toMatchObject({
      photos: true,
      editedPhotos: false,
      notes: true,
      photosFolder: 'Souvenirs',
      notesFolder: 'Carnet',
    });
    // What the service will parse it into: the same choice.
    expect(MigrationSelection.parse(chosen)).toEqual(chosen);
  });

  it('leaves a blank folder name out, so the service uses its default (a blank one it refuses)', () => {
    const chosen = toMigrationSelection({
      ...defaultSelection(photosScanReport()),
      photosFolder: '  ',
      notesFolder: '',
    });
    expect('photosFolder' in chosen).toBe(false);
    expect('notesFolder' in chosen).toBe(false);
    expect(MigrationSelection.safeParse(chosen).success).toBe(true);
    expect(MigrationSelection.safeParse({ ...chosen, photosFolder: '  ' }).success).toBe(false);
  });
});
