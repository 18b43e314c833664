import { describe, expect, it } from 'vitest';
import { noNotes, noPhotos } from '../../src/contract/index.ts';
import { filesSpaceBytes, filesSpaceKinds } from '../../renderer/src/files-space.ts';
import { defaultSelection } from '../../renderer/src/selection.ts';
import { photosScanReport } from './support/photos-reports.ts';

const report = photosScanReport();
const all = defaultSelection(report);

describe('filesSpaceKinds', () => {
  it('names the files, the photos and the notes chosen, which all need a files space', () => {
    expect(filesSpaceKinds(report, all)).toEqual(['files', 'photos', 'notes']);
    expect(filesSpaceKinds(report, { ...all, files: false })).toEqual(['photos', 'notes']);
    expect(filesSpaceKinds(report, { ...all, files: false, photos: false })).toEqual(['notes']);
  });

  it('leaves out a kind chosen but empty', () => {
    const empty = photosScanReport({ photos: noPhotos, notes: noNotes });
    expect(filesSpaceKinds(empty, { ...all, photos: true, notes: true })).toEqual(['files']);
  });
});

describe('filesSpaceBytes', () => {
  it('adds the photos to the files', () => {
    expect(filesSpaceBytes(report, all)).toBe(2_400_000 + 48_000_000_000);
  });

  it('takes the edited copies off when the family does not keep them', () => {
    expect(filesSpaceBytes(report, { ...all, editedPhotos: false })).toBe(
      2_400_000 + 48_000_000_000 - 2_100_000_000,
    );
  });

  it('counts nothing of what is not chosen', () => {
    expect(filesSpaceBytes(report, { ...all, photos: false })).toBe(2_400_000);
    expect(filesSpaceBytes(report, { ...all, files: false, photos: false })).toBe(0);
  });
});
