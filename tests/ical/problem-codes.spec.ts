// Every `items.*` problem the calendar, contact and task transforms can state has its words in
// both languages (the catalogue test checks the languages agree; this one checks the code side).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemKey } from '../../locales/keys.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';

const root = new URL('../../src/', import.meta.url).pathname;

function sources(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => readFileSync(join(root, folder, name), 'utf8'));
}

const codes = [
  ...new Set(
    ['ical', 'vcard', 'tasks']
      .flatMap((folder) => {
        try {
          return sources(folder);
        } catch {
          return [];
        }
      })
      .flatMap((text) => [...text.matchAll(/'(items\.[a-z-]+)'/g)].map((match) => match[1] ?? '')),
  ),
];

describe('items problem codes', () => {
  it('are found in the sources', () => {
    expect(codes).toContain('items.event-never-happens');
  });

  it.each(['fr', 'en'] as const)('all have a text in %s', (language) => {
    const i18n = createI18n(language);
    for (const code of codes) expect(i18n.exists(problemKey(code)), code).toBe(true);
  });
});
