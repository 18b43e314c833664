// Google's "other contacts" (people it added by itself, never saved by the family): the scan
// counts them apart, and the move leaves them out unless the family chose them. The scan and the
// move decide alike, so "What we found" and the report say the same numbers.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactsToMove } from '../../src/migration/plan-contact-jobs.ts';
import { contactsSource } from '../../src/sources/takeout/takeout-content.ts';
import { openTakeout } from '../../src/takeout/open-takeout.ts';
import { scanTakeout } from '../../src/takeout/scan-takeout.ts';
import { prepareContacts } from '../../src/vcard/prepare-contacts.ts';
import { surveyAddressBook } from '../../src/vcard/survey-address-book.ts';
import { otherContactsFixtures } from '../fixtures/takeout/archive-hint-fixtures.ts';
import type { OtherContactsFixture } from '../fixtures/takeout/archive-hint-fixtures.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-other-contacts-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function build(quirk: string, use: string): OtherContactsFixture {
  const builder = otherContactsFixtures[quirk];
  if (builder === undefined) throw new Error(quirk);
  const fixtureDir = join(dir, use, quirk);
  mkdirSync(fixtureDir, { recursive: true });
  return builder(fixtureDir);
}

/** The names of the contacts the move would send, with or without the other contacts. */
async function moved(paths: readonly string[], otherContacts: boolean) {
  const takeout = await openTakeout(paths, { onProblem: () => undefined });
  try {
    const entries = [...(await takeout.entries()).values()].filter((entry) =>
      entry.path.endsWith('.vcf'),
    );
    const source = contactsSource(entries, new AbortController().signal);
    const survey = await surveyAddressBook(source);
    const { include, found } = contactsToMove(survey, otherContacts);
    const names: string[] = [];
    for await (const outcome of prepareContacts(source, survey, {
      version: '3.0',
      starredLabel: 'Favoris',
      include,
    })) {
      if (outcome.status === 'ready') names.push(outcome.resource.where);
    }
    return { found, names: names.sort() };
  } finally {
    await takeout.close();
  }
}

describe('Google’s other contacts', () => {
  it.each(Object.keys(otherContactsFixtures))('%s: counted apart by the scan', async (quirk) => {
    const fixture = build(quirk, 'scan');
    const report = await scanTakeout(fixture.paths);
    expect(report.contacts).toMatchObject({
      count: fixture.saved.length,
      otherContacts: fixture.other.length,
      labels: fixture.labels,
    });
  });

  it.each(Object.keys(otherContactsFixtures))(
    '%s: left out of the move by default, moved once when chosen',
    async (quirk) => {
      const fixture = build(quirk, 'move');
      const byDefault = await moved(fixture.paths, false);
      expect(byDefault).toEqual({ found: fixture.saved.length, names: [...fixture.saved].sort() });
      const chosen = await moved(fixture.paths, true);
      const everyone = [...fixture.saved, ...fixture.other].sort();
      expect(chosen).toEqual({ found: everyone.length, names: everyone });
    },
  );
});
