// The report's words say where the rest stayed: "chez Google" only after a Takeout, "chez votre
// ancien hébergeur" after a move from another host — in the headline and in each leftover.
import { describe, expect, it } from 'vitest';
import { nothing } from './support/kind-report.ts';
import type { LeftOver, MigrationReport } from '../../src/contract/migrate.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { headlineKey, leftSentence, sourceContext } from '../../src/migration/report-words.ts';

const takeout = { source: { kind: 'takeout', name: 'takeout-001.zip' } } as const;
const fromHost = { source: { kind: 'dav', name: 'https://old.example.org/ (camille)' } } as const;
const size = (bytes: number): string => `${String(bytes)} o`;
const fr = createI18n('fr').t;
const en = createI18n('en').t;

function headline(t: typeof fr, report: Pick<MigrationReport, 'source' | 'verdict'>): string {
  const kinds = {
    calendars: nothing,
    tasks: nothing,
    contacts: nothing,
    files: nothing,
    photos: nothing,
    notes: nothing,
  };
  return t(headlineKey({ ...kinds, verdict: report.verdict }), sourceContext(report));
}

describe('report words', () => {
  const notChosen: LeftOver = { reason: 'not-chosen', count: 3, bytes: null };
  const noPlace: LeftOver = { reason: 'no-place', count: 1, bytes: null };

  it('a Takeout’s leftovers stayed at Google', () => {
    expect(leftSentence(fr, takeout, 'calendars', notChosen, size, 'fr')).toBe(
      '3 rendez-vous sont restés chez Google, comme vous l’avez choisi.',
    );
    expect(leftSentence(en, takeout, 'files', noPlace, size, 'en')).toBe(
      '1 file stayed at Google: this account has no place for files.',
    );
  });

  it('another host’s leftovers stayed at the previous host, in French', () => {
    expect(leftSentence(fr, fromHost, 'calendars', notChosen, size, 'fr')).toBe(
      '3 rendez-vous sont restés chez votre ancien hébergeur, comme vous l’avez choisi.',
    );
    expect(leftSentence(fr, fromHost, 'tasks', noPlace, size, 'fr')).toBe(
      '1 tâche est restée chez votre ancien hébergeur : ce compte n’a pas d’agendas, où vont les tâches.',
    );
    const refused: LeftOver = { reason: 'refused', count: 2, bytes: null };
    expect(leftSentence(fr, fromHost, 'contacts', refused, size, 'fr')).toBe(
      '2 contacts sont restés chez votre ancien hébergeur : le serveur a refusé de créer l’agenda ou le dossier (voir ci-dessous).',
    );
  });

  it('and in English', () => {
    expect(leftSentence(en, fromHost, 'files', { ...noPlace, bytes: 2000 }, size, 'en')).toBe(
      '1 file (2000 o) stayed at your previous host: this account has no place for files.',
    );
    expect(leftSentence(en, fromHost, 'contacts', notChosen, size, 'en')).toBe(
      '3 contacts stayed at your previous host, as you chose.',
    );
  });

  it('never names Google after a move from another host, whatever the reason', () => {
    const reasons = ['not-chosen', 'no-place', 'refused', 'failed', 'not-sent', 'cannot-move'];
    for (const t of [fr, en]) {
      for (const kind of ['calendars', 'tasks', 'contacts', 'files'] as const) {
        for (const reason of reasons) {
          for (const count of [1, 2]) {
            const left = { reason, count, bytes: null } as LeftOver;
            expect(leftSentence(t, fromHost, kind, left, size, 'fr')).not.toContain('Google');
          }
        }
      }
    }
  });

  it('the incomplete headline says where the rest stayed', () => {
    expect(headline(fr, { ...takeout, verdict: 'incomplete' })).toContain('resté chez Google');
    expect(headline(fr, { ...fromHost, verdict: 'incomplete' })).toBe(
      'Tout n’est pas sur le nouveau serveur : voyez ci-dessous ce qui est resté chez votre ancien hébergeur, et pourquoi.',
    );
    expect(headline(en, { ...fromHost, verdict: 'incomplete' })).toBe(
      'Not everything is on the new server: see below what stayed at your previous host, and why.',
    );
    // The other headlines name no place: the same words from any source.
    expect(headline(fr, { ...fromHost, verdict: 'everything' })).toBe(
      fr('migration:report.verdict.everything'),
    );
  });
});
