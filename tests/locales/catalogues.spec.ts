import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../src/contract/index.ts';
import { errorKey } from '../../locales/keys.ts';
import { languages, namespaces, resources } from '../../locales/resources.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';

type Tree = { readonly [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : keys(value, `${prefix}${key}.`),
  );
}

// Languages have different plural forms (French has "many", English has not): compare the
// keys without their plural suffix, and check each plural key has at least "one" and "other".
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

function baseKeys(tree: Tree): string[] {
  return [...new Set(keys(tree).map((key) => key.replace(pluralSuffix, '')))].sort();
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)/g)].map((match) => match[1] ?? '').sort();
}

describe('catalogues', () => {
  it.each(namespaces)('namespace %s has the same keys in French and English', (ns) => {
    const [first, ...others] = languages.map((lang) => baseKeys(resources[lang][ns] as Tree));
    for (const other of others) expect(other).toEqual(first);
    for (const lang of languages) {
      const all = new Set(keys(resources[lang][ns] as Tree));
      for (const key of all) {
        if (!pluralSuffix.test(key)) continue;
        const base = key.replace(pluralSuffix, '');
        expect(all.has(`${base}_one`) && all.has(`${base}_other`), `${lang} ${ns}:${base}`).toBe(
          true,
        );
      }
    }
  });

  it.each(namespaces)('namespace %s uses the same placeholders in both languages', (ns) => {
    const fr = resources.fr[ns] as Tree;
    const en = resources.en[ns] as Tree;
    const lookup = (tree: Tree, path: string): string =>
      path
        .split('.')
        .reduce<string | Tree>((node, part) => (node as Tree)[part] ?? '', tree) as string;
    for (const key of keys(en)) {
      // A plural form may leave out the count ("one event" vs "{{count}} events").
      if (pluralSuffix.test(key)) continue;
      expect(placeholders(lookup(fr, key)), `${ns}:${key}`).toEqual(placeholders(lookup(en, key)));
    }
  });

  it.each(languages)('every error code has a text in %s', (lang) => {
    const i18n = createI18n(lang);
    for (const code of errorCodes) expect(i18n.exists(errorKey(code)), code).toBe(true);
  });
});
