import { describe, expect, it } from 'vitest';
import type { MigrationReport, NoteFacts, PhotoFacts } from '../../src/contract/index.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { keptSentences } from '../../src/migration/report-words.ts';
import { noteSentences, photoSentences } from '../../renderer/src/kept-sentences.ts';

type Facts = Pick<MigrationReport, 'photoFacts' | 'noteFacts'>;

const photos: PhotoFacts = {
  albums: 38,
  albumsAs: 'lists',
  dated: 12_380,
  undated: 22,
  folder: 'Photos',
};
const notes: NoteFacts = { archived: 12, trashed: 3, attachments: 14, folder: 'Notes' };
const cases: [string, Facts][] = [
  [
    'albums as lists, some undated, notes archived and trashed',
    { photoFacts: photos, noteFacts: notes },
  ],
  [
    'albums in Nextcloud Photos, all dated, one archived, nothing trashed',
    {
      photoFacts: { ...photos, albumsAs: 'photos-app', undated: 0, dated: 1 },
      noteFacts: { ...notes, archived: 1, trashed: 0 },
    },
  ],
  [
    'no album, renamed folders, photos only',
    {
      photoFacts: { ...photos, albums: 0, albumsAs: null, undated: 1, folder: 'Souvenirs' },
      noteFacts: null,
    },
  ],
  ['notes only', { photoFacts: null, noteFacts: { ...notes, folder: 'Carnet' } }],
  [
    'photos all failed (none to speak of)',
    { photoFacts: { ...photos, dated: 0, undated: 0 }, noteFacts: null },
  ],
];

/** What Done says: the photos' sentences, then the notes'. */
function doneSentences(
  t: ReturnType<typeof createI18n>['t'],
  facts: Facts,
  number: (n: number) => string,
): string[] {
  return [
    ...(facts.photoFacts === null ? [] : photoSentences(t, facts.photoFacts, number)),
    ...(facts.noteFacts === null ? [] : noteSentences(t, facts.noteFacts, number)),
  ];
}

describe('photoSentences and noteSentences', () => {
  for (const language of ['fr', 'en'] as const) {
    const i18n = createI18n(language);
    const number = (value: number): string => new Intl.NumberFormat(language).format(value);
    it.each(cases)(`say in ${language} what the saved report says: %s`, (_name, facts) => {
      const said = doneSentences(i18n.t, facts, number);
      expect(said).toEqual(keptSentences(i18n.t, facts, number));
      // Every key found its words (a missing one would show the key itself).
      for (const sentence of said) expect(sentence).not.toMatch(/migration:|photoFacts|noteFacts/);
    });
  }

  it('gives the sentence the brief asks for', () => {
    const i18n = createI18n('fr');
    const number = (value: number): string => new Intl.NumberFormat('fr').format(value);
    const [first] = photoSentences(i18n.t, photos, number);
    expect(first?.replace(/[\u00a0\u202f]/g, ' ')).toBe(
      '12 402 photos et vidéos dans 38 albums : dates retrouvées pour 12 380 ; 22 sans date (nommées plus bas).',
    );
  });
});
