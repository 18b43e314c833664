// What each folder of a Google Photos export is. Google writes no list of them; what tells them
// apart, from the community tools that read these exports:
//
// - An **album** folder holds Google's album description file (`metadata.json`, `métadonnées.json`…
//   in the account's language); it is "the only difference with chronological albums"
//   (papa-vova/gphotos-321sync, Google_Takeout_Structure.md). Its pictures are most often also in
//   a year folder (TAKEOUT-NOTES §5): they are the same pictures, moved once.
// - A **year** folder (`Photos from 2019`, `Photos de 2019`, `Fotos von 2019`…) has no such file.
//   Its name is translated and GPTH_Neo keeps a regex of the translations it met
//   (`photosFromYearFolderPattern`, lib/common/constants/constants.dart); a name is not needed
//   here: every folder without a description file is read the same way, as pictures to file by
//   their date.
// - **Archive** (`Archive`, `Archiv`, `Archivo`…): pictures the family hid from the main view in
//   Google Photos. They are still the family's pictures: they move, like a year folder's (GPTH's
//   "json" and "nothing" modes also move them with the rest, constants.dart `kAlbumOptions`).
// - **Failed Videos**: videos Google could not process. Some are broken, many are fine (a user's
//   perfectly good videos in simulot/immich-go issue #1242); Baluchon never judges the bytes, so
//   they move as they are, like any other video.
// - **Trash** (`Trash`, `Bin`, `Corbeille`, `Papierkorb`…): pictures the family threw away. Like a
//   trashed Keep note, they are not moved. A folder is the bin by its name (GPTH_Neo's
//   `specialFolders` list) or because every sidecar in it says `"trashed": true` (how the first
//   GPTH told it, lib/folder_classify.dart `isTrashFolder`), whatever the language.
import { pairSidecars } from '../photos/pair-sidecars.ts';

/** Names Google gives the bin of Google Photos, lower-cased (GPTH_Neo `specialFolders`). */
const TRASH_NAMES = new Set([
  'trash',
  'bin',
  'corbeille',
  'papierkorb',
  'papelera',
  'lixeira',
  'cestino',
  'prullenbak',
  'корзина',
  'kosz',
  'koš',
  'papperskorgen',
  'papirkurv',
  '回收站',
  'ゴミ箱',
  'paperera',
]);

/** Whether a folder's own name (its last segment) is the bin's, in one of the known languages. */
export function isTrashName(name: string): boolean {
  return TRASH_NAMES.has(name.normalize('NFC').trim().toLowerCase());
}

/**
 * Whether a file is an album's description (`Vacances/métadonnées.json`). The names, in every
 * language, are pair-sidecars.ts's: asked of it so that the two never disagree.
 */
export function isAlbumDescription(path: string): boolean {
  return pairSidecars([path]).albumFiles.size > 0;
}

/** The folder of a path, with its trailing `/` (`Google Photos/Vacances/`), as pairSidecars gives it. */
export function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

/** The last segment of a folder given with its trailing `/`. */
export function folderName(folder: string): string {
  const trimmed = folder.endsWith('/') ? folder.slice(0, -1) : folder;
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
