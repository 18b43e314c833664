// Every code that can reach the family has a sentence in French and in English: walks the one
// registry of codes (src/i18n/code-registry.ts), and reads src/ for code-like literals so that
// a code raised somewhere but left out of the registry fails here too.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorKey, problemKeys } from '../../locales/keys.ts';
import { languages, resources } from '../../locales/resources.ts';
import type { Language } from '../../locales/resources.ts';
import { everyCode, everyErrorCode, everyProblemCode } from '../../src/i18n/code-registry.ts';
import { createI18n, describeError, describeProblem } from '../../src/i18n/create-i18n.ts';

type Tree = { readonly [key: string]: string | Tree | undefined };

/** The sentence at `ns:path` in this language alone (no fallback), or its plural `other`. */
function sentenceIn(lang: Language, key: string): string | undefined {
  const [ns = '', path = ''] = key.split(':');
  const catalogue = (resources[lang] as unknown as Record<string, Tree | undefined>)[ns];
  const parts = path.split('.');
  const last = parts.pop() ?? '';
  let node: Tree | string | undefined = catalogue;
  for (const part of parts) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'object') return undefined;
  const exact = node[last];
  if (typeof exact === 'string') return exact;
  const one = node[`${last}_one`];
  const other = node[`${last}_other`];
  return typeof one === 'string' && typeof other === 'string' ? other : undefined;
}

/** Parameters any sentence might use, so that none shows an empty placeholder. */
const params = {
  count: 2,
  detail: 'détail',
  url: 'https://exemple.org/x',
  method: 'PUT',
  status: 409,
  path: 'Drive/a.txt',
  name: 'Agenda',
  where: 'https://exemple.org/',
  from: 'a',
  to: 'b',
};

function looksLikeACode(text: string, code: string): boolean {
  return (
    text.trim() === code ||
    text.trim() === code.slice(code.indexOf('.') + 1) ||
    /^[a-z-]+(\.[a-z-]+)?$/.test(text.trim())
  );
}

describe('every code has a sentence in French and English', () => {
  it('the registry holds the codes of every area', () => {
    for (const code of [
      'dav.conflict',
      'files.source-unreadable',
      'items.contact-photo-refused',
      'migration.no-files-here',
      'journal.locked',
      'internal',
    ]) {
      expect(everyCode, code).toContain(code);
    }
  });

  it.each(languages)('each problem code reads as a sentence in %s', (lang) => {
    const t = createI18n(lang).t;
    for (const code of everyProblemCode) {
      const found = problemKeys(code)
        .map((key) => sentenceIn(lang, key))
        .find((text) => text !== undefined);
      expect(found, `${lang} ${code}`).toBeDefined();
      expect(looksLikeACode(found ?? code, code), `${lang} ${code}: ${found}`).toBe(false);
      const shown = describeProblem(t, code, params);
      expect(shown, `${lang} ${code}`).not.toContain(code);
      expect(looksLikeACode(shown, code), `${lang} ${code}`).toBe(false);
    }
  });

  it.each(languages)('each error code reads as a sentence in %s', (lang) => {
    const t = createI18n(lang).t;
    for (const code of everyErrorCode) {
      const found = sentenceIn(lang, errorKey(code));
      expect(found, `${lang} ${code}`).toBeDefined();
      expect(looksLikeACode(found ?? code, code), `${lang} ${code}: ${found}`).toBe(false);
      const shown = describeError(t, code, params);
      expect(shown, `${lang} ${code}`).not.toContain(code);
    }
  });

  it('a file that failed with dav.conflict reads as the server’s refusal, in both languages', () => {
    const where = { url: 'https://exemple.org/remote.php/dav/files/marie/Drive/a.txt' };
    expect(describeProblem(createI18n('fr').t, 'dav.conflict', where)).toMatch(
      /^Le serveur a refusé/,
    );
    expect(describeProblem(createI18n('en').t, 'dav.conflict', where)).not.toContain(
      'dav.conflict',
    );
  });

  it('a code without words still reads as a sentence', () => {
    const shown = describeProblem(createI18n('fr').t, 'nowhere.unheard-of', {});
    expect(shown).toMatch(/^Un problème inattendu/);
  });

  it('every code-like literal in src/ is in the registry', () => {
    const root = join(import.meta.dirname, '../../src');
    const literal =
      /['`]((?:common|takeout|items|journal|migration|files|dav|hosts|connect|scan)\.[a-z][a-z0-9-]*[a-z0-9])['`]/g;
    // File names, not codes.
    const notCodes = new Set(['journal.sqlite']);
    const seen = new Map<string, string>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(entry.name)) {
          for (const line of readFileSync(full, 'utf8').split('\n')) {
            if (/^\s*(\/\/|\*|\/\*)/.test(line)) continue;
            for (const match of line.matchAll(literal)) {
              const code = match[1] ?? '';
              if (!notCodes.has(code)) seen.set(code, full);
            }
          }
        }
      }
    };
    walk(root);
    expect(seen.size).toBeGreaterThan(50);
    const registered = new Set(everyCode);
    const missing = [...seen].filter(([code]) => !registered.has(code));
    expect(missing).toEqual([]);
  });
});
