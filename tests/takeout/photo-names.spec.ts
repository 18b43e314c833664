import { describe, expect, it } from 'vitest';
import { restoredName } from '../../src/takeout/photo-names.ts';

describe('restoredName', () => {
  it.each([
    // No sidecar: the file's own name.
    ['IMG_1(1).jpg', null, 'IMG_1(1).jpg'],
    ['IMG_1.jpg', 'IMG_1.jpg', 'IMG_1.jpg'],
    // Cut by Google: the title's whole name, the file's extension.
    [
      'Capture d’écran 2020-06-01 à 12.34.56 - Anniver.png',
      'Capture d’écran 2020-06-01 à 12.34.56 - Anniversaire de Léa au parc.png',
      'Capture d’écran 2020-06-01 à 12.34.56 - Anniversaire de Léa au parc.png',
    ],
    // A title without extension, or naming another format.
    ['2013-08-22.png', '2013-08-22', '2013-08-22.png'],
    ['IMG_7.jpg', 'IMG_7.HEIC', 'IMG_7.jpg'],
    // Google's numbering of two pictures of one name in one folder is not the picture's.
    ['IMG_0001(1).jpg', 'IMG_0001.jpg', 'IMG_0001.jpg'],
    // A name with its own number keeps it.
    ['Urlaub (38).JPG', 'Urlaub (38).JPG', 'Urlaub (38).JPG'],
    // Google's second version keeps its mark.
    ['IMG~2.jpg', 'IMG.jpg', 'IMG~2.jpg'],
    // An edited copy keeps its suffix, after the original's full name.
    ['IMG_1234-modifié.jpg', 'IMG_1234.jpg', 'IMG_1234-modifié.jpg'],
    [
      'Un très long nom de photo de vacances à la mer-edited.jpg',
      'Un très long nom de photo de vacances à la mer et au soleil.jpg',
      'Un très long nom de photo de vacances à la mer et au soleil-edited.jpg',
    ],
    // A live photo's video: the still's title, the video's extension.
    ['IMG_1234.MP4', 'IMG_1234.HEIC', 'IMG_1234.MP4'],
    // A title that is no name (a path) or a title of something else: the file's name.
    ['A.jpg', '../../etc/passwd', 'A.jpg'],
    ['A.jpg', 'Bien autre chose.jpg', 'A.jpg'],
  ] as const)('%s titled %s → %s', (file, title, expected) => {
    expect(restoredName(file, title)).toBe(expected);
  });
});
