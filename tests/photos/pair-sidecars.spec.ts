// Each picture of a Google Photos export finds the sidecar that holds its date, whatever Google
// did to the names: the examples are the shapes real exports have (see src/photos/pair-sidecars.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairSidecars } from '../../src/photos/pair-sidecars.ts';
import { originalOfEdited } from '../../src/photos/edited-suffixes.ts';

const dir = 'Takeout/Google Photos/Photos from 2019/';

function pairsOf(names: readonly string[], titles: Record<string, string> = {}) {
  const result = pairSidecars(
    names.map((name) => dir + name),
    (sidecar) => titles[sidecar.slice(dir.length)],
  );
  return {
    pairs: Object.fromEntries(
      result.pairs.map((pair) => [
        pair.media.slice(dir.length),
        [pair.sidecar?.slice(dir.length) ?? null, pair.rule],
      ]),
    ),
    orphans: result.orphans.map((path) => path.slice(dir.length)),
  };
}

describe('pairSidecars', () => {
  it('pairs the plain names, new and old', () => {
    expect(
      pairsOf([
        'IMG_20200920_131207.jpg',
        'IMG_20200920_131207.jpg.supplemental-metadata.json',
        'DSC_0529.JPG',
        'DSC_0529.JPG.json',
      ]).pairs,
    ).toEqual({
      'IMG_20200920_131207.jpg': ['IMG_20200920_131207.jpg.supplemental-metadata.json', 'exact'],
      'DSC_0529.JPG': ['DSC_0529.JPG.json', 'exact'],
    });
  });

  it('finds a sidecar whose suffix or name Google cut at 46 characters', () => {
    const long = 'Screenshot_2024-01-14-14-13-33-16_948cd9899890cbd5c2798760b2b95377.jpg';
    const { pairs, orphans } = pairsOf([
      'IMG_20211231_235959_123.jpg',
      'IMG_20211231_235959_123.jpg.supplemental-me.json',
      'VID_20200930_155021.mp4',
      'VID_20200930_155021.mp4.s.json',
      'PXL_20230101_000000000.PORTRAIT.jpg',
      'PXL_20230101_000000000.PORTRAIT.jpg..json',
      long,
      'Screenshot_2024-01-14-14-13-33-16_948cd9899890.json',
    ]);
    expect(pairs).toEqual({
      'IMG_20211231_235959_123.jpg': [
        'IMG_20211231_235959_123.jpg.supplemental-me.json',
        'truncated',
      ],
      'VID_20200930_155021.mp4': ['VID_20200930_155021.mp4.s.json', 'truncated'],
      'PXL_20230101_000000000.PORTRAIT.jpg': [
        'PXL_20230101_000000000.PORTRAIT.jpg..json',
        'truncated',
      ],
      [long]: ['Screenshot_2024-01-14-14-13-33-16_948cd9899890.json', 'truncated'],
    });
    expect(orphans).toEqual([]);
  });

  it('gives each numbered copy its own sidecar, the number moved behind the name', () => {
    expect(
      pairsOf([
        'image.png',
        'image(1).png',
        'image(2).png',
        'image.png.supplemental-metadata.json',
        'image.png.supplemental-metadata(1).json',
        'image.png(2).json',
      ]).pairs,
    ).toEqual({
      'image.png': ['image.png.supplemental-metadata.json', 'exact'],
      'image(1).png': ['image.png.supplemental-metadata(1).json', 'duplicate'],
      'image(2).png': ['image.png(2).json', 'duplicate'],
    });
  });

  it('lets an edited copy, in French or English, share its original’s sidecar', () => {
    expect(
      pairsOf([
        'IMG_1234.jpg',
        'IMG_1234-edited.jpg',
        'IMG_5678.JPG',
        'IMG_5678-modifié.JPG',
        'IMG_1234.jpg.supplemental-metadata.json',
        'IMG_5678.JPG.json',
      ]).pairs,
    ).toEqual({
      'IMG_1234.jpg': ['IMG_1234.jpg.supplemental-metadata.json', 'exact'],
      'IMG_1234-edited.jpg': ['IMG_1234.jpg.supplemental-metadata.json', 'edited'],
      'IMG_5678.JPG': ['IMG_5678.JPG.json', 'exact'],
      'IMG_5678-modifié.JPG': ['IMG_5678.JPG.json', 'edited'],
    });
  });

  it('lets a live photo’s video and a ~2 copy share the still’s sidecar', () => {
    expect(
      pairsOf([
        'IMG_0042.HEIC',
        'IMG_0042.MP4',
        'IMG_0042.HEIC.supplemental-metadata.json',
        'IMG20240221145914.jpg',
        'IMG20240221145914~2.jpg',
        'IMG20240221145914.jpg.supplemental-metadata.json',
      ]).pairs,
    ).toEqual({
      'IMG_0042.HEIC': ['IMG_0042.HEIC.supplemental-metadata.json', 'exact'],
      'IMG_0042.MP4': ['IMG_0042.HEIC.supplemental-metadata.json', 'live-photo'],
      'IMG20240221145914.jpg': ['IMG20240221145914.jpg.supplemental-metadata.json', 'exact'],
      'IMG20240221145914~2.jpg': ['IMG20240221145914.jpg.supplemental-metadata.json', 'tilde'],
    });
  });

  it('pairs what is left by the title a sidecar holds, names the rest, skips album files', () => {
    const { pairs, orphans } = pairsOf(
      [
        'Screenshot_2022-04-21_abb9c8060a0a1(1).jpg',
        'Screenshot_2022-04-21_abb9c8060a0a(1).json',
        'sans date.png',
        'metadata.json',
        'perdu.jpg.json',
      ],
      { 'Screenshot_2022-04-21_abb9c8060a0a(1).json': 'Screenshot_2022-04-21_abb9c8060a0a1.jpg' },
    );
    expect(pairs).toEqual({
      'Screenshot_2022-04-21_abb9c8060a0a1(1).jpg': [
        'Screenshot_2022-04-21_abb9c8060a0a(1).json',
        'title',
      ],
      'sans date.png': [null, 'none'],
    });
    expect(orphans).toEqual(['perdu.jpg.json']);
  });

  it('finds every sidecar Google would name, for any picture name (property)', () => {
    const nameChars = fc.constantFrom(...Array.from('abcXYZ0123456789_- .éà~'));
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            stem: fc.string({ unit: nameChars, minLength: 1, maxLength: 70 }),
            ext: fc.constantFrom('.jpg', '.JPG', '.png', '.mp4', '.heic'),
            style: fc.constantFrom('new', 'old'),
            cut: fc.integer({ min: 0, max: 22 }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (pictures) => {
          const names = new Map<string, string>();
          for (const { stem, ext, style, cut } of pictures) {
            const media = `${stem.trim() || 'x'}${ext}`;
            if (names.has(media) || /~\d+\./.test(media) || /\(\d+\)\./.test(media)) continue;
            // Google's rule: the sidecar's name, `.json` aside, is at most 46 characters.
            const suffix = style === 'new' ? '.supplemental-metadata'.slice(0, 22 - cut) : '';
            names.set(media, `${(media + suffix).slice(0, 46)}.json`);
          }
          const sidecars = [...names.values()];
          // Two pictures whose names Google cut to the same sidecar are a collision it numbers;
          // this property covers the plain case.
          fc.pre(new Set(sidecars).size === sidecars.length);
          const { pairs } = pairsOf([...names.keys(), ...sidecars]);
          for (const [media, sidecar] of names) expect(pairs[media]?.[0]).toBe(sidecar);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('originalOfEdited', () => {
  it('knows the Spanish phrase, space included', () => {
    expect(originalOfEdited('IMG_20190722_190000-ha editado')).toBe('IMG_20190722_190000');
  });

  it('leaves a suffix Google’s cut reached to the library (src/takeout/cut-edited.ts)', () => {
    expect(originalOfEdited('IMG_20230101_120000_Reveillon_chez_Mamie_01-edi')).toBeNull();
  });
});
