// The words at the end of `baluchon migrate`: each count with its own plural, and the closing
// advice that names the one gap relaunching alone cannot fix (no place for files).
import { describe, expect, it } from 'vitest';
import { nothing } from '../migration/support/kind-report.ts';
import type { KindReport } from '../../src/contract/migrate.ts';
import {
  closingAdvice,
  countsLine,
  onlyNoPlaceForFiles,
} from '../../src/cli/commands/migrate-words.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';

const kind = (counts: Partial<KindReport> = {}): KindReport => ({ ...nothing, ...counts });
const noFiles = {
  code: 'migration.no-files-here',
  where: 'https://agendas.exemple.org/',
  reason: 'Ce compte n’a pas d’espace de fichiers',
};
type Gaps = Parameters<typeof closingAdvice>[1];
const report = (changes: Partial<Gaps> = {}): Gaps => ({
  source: { kind: 'takeout', name: 'takeout-001.zip' },
  state: 'finished',
  complete: false,
  problems: [],
  calendars: kind({ found: 10, created: 10, verified: 10 }),
  tasks: kind(),
  contacts: kind({ found: 5, created: 5, verified: 5 }),
  files: kind({ problems: [noFiles] }),
  photos: kind(),
  notes: kind(),
  ...changes,
});

describe('counts line', () => {
  it('gives each number its own plural, in French (0 and 1 are singular)', () => {
    const t = createI18n('fr').t;
    expect(
      countsLine(t, kind({ found: 2, created: 1, unchanged: 1, skipped: 0, verified: 2 })),
    ).toBe(
      '2 trouvés, 1 copié, 0 mis à jour, 1 déjà là, 0 impossible à déménager, 0 en échec, 2 vérifiés sur le serveur',
    );
    expect(countsLine(t, kind({ skipped: 3 }))).toContain('3 impossibles à déménager');
  });

  it('and in English', () => {
    const t = createI18n('en').t;
    expect(countsLine(t, kind({ found: 1, created: 1, verified: 1 }))).toBe(
      '1 found, 1 copied, 0 updated, 0 already there, 0 cannot move, 0 failed, 1 checked on the server',
    );
  });
});

describe('closing advice', () => {
  it('when the only gap is no place for files, says so and names the --files-* options', () => {
    expect(onlyNoPlaceForFiles(report())).toBe(true);
    for (const lang of ['fr', 'en'] as const) {
      const advice = closingAdvice(createI18n(lang).t, report());
      expect(advice).toContain('--files-server');
      expect(advice).toContain('--files-password-env');
    }
    expect(closingAdvice(createI18n('fr').t, report())).toMatch(
      /ce compte n’a pas de place pour les fichiers/,
    );
  });

  it('any other gap keeps the general advice to run again', () => {
    const t = createI18n('fr').t;
    const general = t('migration:report.incomplete');
    const failed = report({ contacts: kind({ found: 5, created: 4, failed: 1, verified: 4 }) });
    expect(closingAdvice(t, failed)).toBe(general);
    const missing = report({
      calendars: kind({ found: 10, created: 10, verified: 9, missing: 1 }),
    });
    expect(closingAdvice(t, missing)).toBe(general);
    const refused = report({
      problems: [{ ...noFiles, code: 'migration.collection-refused', where: 'Famille' }],
    });
    expect(closingAdvice(t, refused)).toBe(general);
    const noContactsEither = report({
      contacts: kind({ problems: [{ ...noFiles, code: 'migration.no-contacts-here' }] }),
    });
    expect(closingAdvice(t, noContactsEither)).toBe(general);
    expect(closingAdvice(t, report({ state: 'stopped' }))).toBe(general);
    expect(closingAdvice(t, report({ files: kind() }))).toBe(general);
  });

  it('a complete run says so', () => {
    const t = createI18n('fr').t;
    expect(closingAdvice(t, report({ complete: true, files: kind() }))).toBe(
      t('migration:report.complete'),
    );
  });
});

describe('closing advice after a move from another host', () => {
  const fromHost = (changes: Partial<Gaps> = {}): Gaps =>
    report({ source: { kind: 'dav', name: 'https://old.example.org/ (camille)' }, ...changes });

  it('says the files stayed at the previous host, never at Google, in French and English', () => {
    const fr = closingAdvice(createI18n('fr').t, fromHost());
    expect(fr).toContain('ils sont restés chez votre ancien hébergeur');
    expect(fr).toContain('--files-server');
    const en = closingAdvice(createI18n('en').t, fromHost());
    expect(en).toContain('they stayed at your previous host');
    for (const advice of [fr, en]) expect(advice).not.toContain('Google');
  });

  it('asks to start again with the same account, not the same archive', () => {
    const failed = fromHost({ contacts: kind({ found: 5, created: 4, failed: 1, verified: 4 }) });
    const fr = closingAdvice(createI18n('fr').t, failed);
    expect(fr).toContain('avec le même ancien compte');
    expect(fr).not.toContain('archive');
    const en = closingAdvice(createI18n('en').t, failed);
    expect(en).toContain('with the same previous account');
    expect(en).not.toContain('archive');
  });
});

describe('no "(s)" in any sentence', () => {
  it('every catalogue says plurals through plural forms, never "liste(s)"', async () => {
    const { languages, namespaces, resources } = await import('../../locales/resources.ts');
    const texts = (node: unknown, path: string): [string, string][] =>
      typeof node === 'string'
        ? [[path, node]]
        : Array.isArray(node)
          ? node.flatMap((child, index) => texts(child, `${path}.${index}`))
          : typeof node === 'object' && node !== null
            ? Object.entries(node).flatMap(([key, child]) => texts(child, `${path}.${key}`))
            : [];
    const bad = languages
      .flatMap((lang) => namespaces.flatMap((ns) => texts(resources[lang][ns], `${lang}/${ns}`)))
      .filter(([, text]) => /\w\((s|e|es|x)\)/.test(text));
    expect(bad).toEqual([]);
  });
});
