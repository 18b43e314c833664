// The saved report says what the Done screen says: the same headline from the same verdict, the
// same columns in the same order, each kind's leftovers with why, and both accounts by name.
import { describe, expect, it } from 'vitest';
import { nothing } from './support/kind-report.ts';
import type { MigrationReport } from '../../src/contract/migrate.ts';
import { reportColumns } from '../../src/contract/migrate.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { reportHtml } from '../../src/migration/report-file.ts';

function report(changes: Partial<MigrationReport> = {}): MigrationReport {
  return {
    runId: 3,
    source: { kind: 'takeout', name: 'takeout-20261126T100000Z-001.zip' },
    state: 'finished',
    stopCode: null,
    stopMessage: null,
    server: 'https://agenda.example.org/',
    account: 'anne',
    filesServer: null,
    filesAccount: null,
    startedAt: '2026-11-26T10:00:00.000Z',
    endedAt: '2026-11-26T10:05:00.000Z',
    calendars: { ...nothing, found: 10, created: 10, verified: 10 },
    tasks: { ...nothing },
    contacts: { ...nothing, found: 5, created: 5, verified: 5 },
    files: { ...nothing },
    photos: { ...nothing },
    notes: { ...nothing },
    photoFacts: null,
    noteFacts: null,
    problems: [],
    collections: [],
    birthdaysLeftOut: false,
    holidayFeeds: null,
    documents: null,
    verdict: 'everything',
    complete: true,
    reportFile: null,
    ...changes,
  };
}

const fr = createI18n('fr').t;
const en = createI18n('en').t;
const text = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the saved report', () => {
  it('says the Drive files stayed at Google on a calendar-only account, and not "everything"', () => {
    const html = reportHtml(
      report({
        files: {
          ...nothing,
          found: 16,
          problems: [
            {
              code: 'migration.no-files-here',
              where: 'https://agenda.example.org/',
              reason: 'Ce compte n’a pas d’espace de fichiers…',
            },
          ],
          left: [{ reason: 'no-place', count: 16, bytes: 26_000_000 }],
        },
        verdict: 'incomplete',
        complete: false,
      }),
      fr,
      'fr',
    );
    const words = text(html);
    expect(words).toContain(
      '16 fichiers (26 Mo) sont restés chez Google : ce compte n’a pas de place pour les fichiers.',
    );
    expect(words).toContain(fr('migration:report.verdict.incomplete'));
    expect(words).not.toContain(fr('migration:report.complete'));
    // Said once, in the files' row, not again among the problems.
    expect(words).not.toContain('Ce compte n’a pas d’espace de fichiers');
    expect(html).toContain('<th scope="row">Fichiers</th>');
  });

  it('shows the columns in the order of the Done screen', () => {
    const html = reportHtml(report(), en, 'en');
    const headings = [...html.matchAll(/<th scope="col">([^<]+)<\/th>/g)].map((match) => match[1]);
    expect(headings).toEqual(
      reportColumns.map((column) => en(`migration:report.columns.${column}`)),
    );
  });

  it('says "everything you chose" when the family left a kind out, and names it', () => {
    const html = reportHtml(
      report({
        files: { ...nothing, found: 2, left: [{ reason: 'not-chosen', count: 2, bytes: 1500 }] },
      }),
      en,
      'en',
    );
    const words = text(html);
    expect(words).toContain(en('migration:report.verdict.everythingChosen'));
    expect(words).toContain('2 files (1.5 kB) stayed at Google, as you chose.');
  });

  it('after a move from another host, says the rest stayed there, and to keep the old account', () => {
    const fromHost = report({
      source: { kind: 'dav', name: 'https://old.example.org/ (camille)' },
      files: {
        ...nothing,
        found: 16,
        left: [{ reason: 'no-place', count: 16, bytes: 26_000_000 }],
      },
      documents: { count: 2, byFormat: { odt: 2 } },
      verdict: 'incomplete',
      complete: false,
    });
    const french = text(reportHtml(fromHost, fr, 'fr'));
    expect(french).toContain(
      '16 fichiers (26 Mo) sont restés chez votre ancien hébergeur : ce compte n’a pas de place pour les fichiers.',
    );
    expect(french).toContain(
      'voyez ci-dessous ce qui est resté chez votre ancien hébergeur, et pourquoi.',
    );
    expect(french).toContain('Gardez votre ancien compte quelques semaines');
    expect(french).toContain('Dont 2 documents bureautiques (2 ODT).');
    expect(french).not.toContain('Google');
    const english = text(reportHtml(fromHost, en, 'en'));
    expect(english).toContain('16 files (26 MB) stayed at your previous host');
    expect(english).toContain('Keep your previous account a few weeks');
    expect(english).not.toContain('Google');
  });

  it('after a Takeout, still advises to keep the Google data', () => {
    expect(text(reportHtml(report(), fr, 'fr'))).toContain(
      'Gardez vos données chez Google quelques semaines',
    );
  });

  it('names both accounts when the files went to their own', () => {
    const html = reportHtml(
      report({ filesServer: 'https://fichiers.example.org/', filesAccount: 'anne.f' }),
      fr,
      'fr',
    );
    const words = text(html);
    expect(words).toContain('Vers anne sur https://agenda.example.org/');
    expect(words).toContain('Fichiers vers anne.f sur https://fichiers.example.org/');
    expect(words).toContain(fr('migration:report.verdict.everything'));
  });
});
