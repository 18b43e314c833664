// "What we found", the photos: how many, how big, in how many albums, how many without a date;
// the choice to move them, and to keep the copies edited in Google Photos beside the originals
// (with what that costs in space); live photos and copies found twice, each said in one plain
// sentence; where they will go, and the folder's name, changeable.
import { useTranslation } from 'react-i18next';
import type { PhotosSummary, SourceSpec } from '../../../src/contract/index.ts';
import { formatBytes, formatCount } from '../format.ts';
import { chosenFolder } from '../selection.ts';
import type { Selection } from '../selection.ts';
import { FolderNameField } from './folder-name-field.tsx';

export function PhotosChoice(props: {
  photos: PhotosSummary;
  sourceKind: SourceSpec['kind'];
  selection: Selection;
  onSelectionChange: (selection: Selection) => void;
}) {
  const { photos, selection, onSelectionChange } = props;
  const { t, i18n } = useTranslation();
  const n = (value: number): string => formatCount(value, i18n.language);
  const size = (bytes: number): string => formatBytes(t, bytes, i18n.language);
  // Only a Google Takeout holds photos: elsewhere, a card saying "none" would only puzzle.
  if (photos.count === 0 && photos.folder === null && props.sourceKind !== 'takeout') return null;
  const folder = chosenFolder(selection.photosFolder) ?? t('photos:folder.default');
  return (
    <section aria-labelledby="photos-title" className="card" data-testid="photos">
      <h2 id="photos-title">{t('found.photos.title')}</h2>
      {photos.count === 0 ? (
        <p data-testid="photos-none">{t('found.photos.none')}</p>
      ) : (
        <>
          <label>
            <input
              type="checkbox"
              checked={selection.photos}
              onChange={(event) => {
                onSelectionChange({ ...selection, photos: event.target.checked });
              }}
            />
            <span>
              <span data-testid="photos-count">
                {t('found.photos.count', { count: photos.count, formatted: n(photos.count) })}
              </span>{' '}
              <span data-testid="photos-bytes">({size(photos.bytes)})</span>
              {photos.albums.length === 0 ? null : (
                <span data-testid="photos-albums">
                  {t('found.photos.albums', {
                    count: photos.albums.length,
                    formatted: n(photos.albums.length),
                  })}
                </span>
              )}
            </span>
          </label>
          {photos.undated === 0 ? null : (
            <p className="hint" data-testid="photos-undated">
              {t('found.photos.undated', {
                count: photos.undated,
                formatted: n(photos.undated),
                folder: t('photos:folder.undated'),
              })}
            </p>
          )}
          {photos.livePhotos === 0 ? null : (
            <p className="hint" data-testid="photos-live">
              {t('found.photos.live', {
                count: photos.livePhotos,
                formatted: n(photos.livePhotos),
              })}
            </p>
          )}
          {photos.duplicates === 0 ? null : (
            <p className="hint" data-testid="photos-duplicates">
              {t('found.photos.duplicates', {
                count: photos.duplicates,
                formatted: n(photos.duplicates),
              })}
            </p>
          )}
          {photos.edited === 0 ? null : (
            <div className="sub-choice" data-testid="photos-edited">
              <label>
                <input
                  type="checkbox"
                  aria-describedby="photos-edited-explained"
                  disabled={!selection.photos}
                  checked={selection.photos && selection.editedPhotos}
                  onChange={(event) => {
                    onSelectionChange({ ...selection, editedPhotos: event.target.checked });
                  }}
                />
                <span>{t('found.photos.editedChoice')}</span>
              </label>
              <p className="hint" id="photos-edited-explained">
                {t('found.photos.editedExplained', {
                  count: photos.edited,
                  formatted: n(photos.edited),
                  size: size(photos.editedBytes),
                })}
              </p>
            </div>
          )}
          <p data-testid="photos-where">{t('found.photos.where', { folder })}</p>
          <FolderNameField
            label={t('found.photos.folderLabel')}
            defaultName={t('photos:folder.default')}
            name="photos-folder"
            value={selection.photosFolder ?? ''}
            onChange={(photosFolder) => {
              onSelectionChange({ ...selection, photosFolder });
            }}
            testId="photos-folder"
          />
        </>
      )}
    </section>
  );
}
