// The Drive of the integration tests: a few folders, names every server or computer refuses,
// two names differing only by case, office documents Google converted, Google-only pointer
// files, an older export's metadata sidecar, an empty file and a larger one. Built as a real
// multi-part Takeout with the fixture generator, and described by what must arrive where.
import { buildTakeout } from '../../fixtures/takeout/build-takeout.ts';
import type { BuildOptions } from '../../fixtures/takeout/build-takeout.ts';
import type { DriveFileSpec } from '../../fixtures/takeout/takeout-spec.ts';

const longStem = 'Compte rendu très détaillé de la réunion du conseil de famille '.repeat(4);

/** Source path below Drive/ → where it must arrive below the import folder (null: not moved). */
export const expectedTargets: Readonly<Record<string, string | null>> = {
  'Factures/2024/relevé janvier.pdf': 'Factures/2024/relevé janvier.pdf',
  'Factures/2024/report(1).pdf': 'Factures/2024/report(1).pdf',
  // Google's metadata about the file next to it, in older exports: not the family's file.
  'Factures/2024/relevé janvier.pdf-info.json': null,
  'Photos: été 2024/plage.jpg': 'Photos_ été 2024/plage.jpg',
  'Photos: été 2024/IMG.MOV': 'Photos_ été 2024/IMG.MOV',
  'Photos: été 2024/IMG.mov': 'Photos_ été 2024/IMG (2).mov',
  'Documents/CON.txt': 'Documents/CON_.txt',
  'Documents/nul.tar.gz': 'Documents/nul_.tar.gz',
  'Documents/notes.part': 'Documents/notes_part',
  'Documents/.htaccess': 'Documents/_htaccess',
  'Documents/fin de phrase. ': 'Documents/fin de phrase',
  'Documents/a?b*c<d>.txt': 'Documents/a_b_c_d_.txt',
  'Documents/%2e%2e%2fpas-une-sortie.txt': 'Documents/%2e%2e%2fpas-une-sortie.txt',
  [`Documents/${longStem}.txt`]: `Documents/${longStem.slice(0, 166).trimEnd()}.txt`,
  'Documents/Rapport.docx': 'Documents/Rapport.docx',
  'Documents/Budget.xlsx': 'Documents/Budget.xlsx',
  'Documents/Présentation.pptx': 'Documents/Présentation.pptx',
  'Documents/Lettre.odt': 'Documents/Lettre.odt',
  'Sauvegarde/.DAV/réglages.txt': 'Sauvegarde/_DAV/réglages.txt',
  'Vidéos/film.mp4': 'Vidéos/film.mp4',
  'vide.txt': 'vide.txt',
  'Formulaire inscription.gform': null,
  'Carte des vacances.gmap': null,
  'Raccourci vers Photos.glink': null,
  'Ancien document.gdoc': null,
};

/** The renamings the report must list: `from` → `to`. */
export const expectedRenamings: readonly { from: string; to: string }[] = [
  { from: 'Photos: été 2024/', to: 'Photos_ été 2024/' },
  { from: 'Photos: été 2024/IMG.mov', to: 'Photos_ été 2024/IMG (2).mov' },
  { from: 'Documents/CON.txt', to: 'Documents/CON_.txt' },
  { from: 'Documents/nul.tar.gz', to: 'Documents/nul_.tar.gz' },
  { from: 'Documents/notes.part', to: 'Documents/notes_part' },
  { from: 'Documents/.htaccess', to: 'Documents/_htaccess' },
  { from: 'Documents/fin de phrase. ', to: 'Documents/fin de phrase' },
  { from: 'Documents/a?b*c<d>.txt', to: 'Documents/a_b_c_d_.txt' },
  {
    from: `Documents/${longStem}.txt`,
    to: `Documents/${longStem.slice(0, 166).trimEnd()}.txt`,
  },
  { from: 'Sauvegarde/.DAV/', to: 'Sauvegarde/_DAV/' },
];

const sizes: Record<string, number> = {
  'Vidéos/film.mp4': 3 * 1024 * 1024 + 17,
  'vide.txt': 0,
};

export function driveSpec(): DriveFileSpec[] {
  return Object.keys(expectedTargets).map((path) => ({
    path,
    size: sizes[path] ?? 1000 + path.length * 37,
  }));
}

export interface BuiltDrive {
  readonly parts: string[];
  /** Content of each file, by its path below Drive/. */
  readonly contents: Map<string, Buffer>;
}

/** Writes the export into `dir` (3 parts by default) and keeps what each file holds. */
export async function buildDrive(
  dir: string,
  options: Omit<BuildOptions, 'onFile'> & { drive?: DriveFileSpec[] },
): Promise<BuiltDrive> {
  const contents = new Map<string, Buffer>();
  const parts = await buildTakeout(
    dir,
    { language: 'fr', drive: options.drive ?? driveSpec() },
    {
      parts: 3,
      storeBinary: true,
      ...options,
      onFile: (file) => {
        if (file.path.startsWith('Drive/'))
          contents.set(file.path.slice('Drive/'.length), file.content);
      },
    },
  );
  return { parts, contents };
}
