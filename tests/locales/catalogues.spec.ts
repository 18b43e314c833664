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

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)/g)].map((match) => match[1] ?? '').sort();
}

describe('catalogues', () => {
  it.each(namespaces)('namespace %s has the same keys in French and English', (ns) => {
    const [first, ...others] = languages.map((lang) => keys(resources[lang][ns] as Tree).sort());
    for (const other of others) expect(other).toEqual(first);
  });

  it.each(namespaces)('namespace %s uses the same placeholders in both languages', (ns) => {
    const fr = resources.fr[ns] as Tree;
    const en = resources.en[ns] as Tree;
    const lookup = (tree: Tree, path: string): string =>
      path
        .split('.')
        .reduce<string | Tree>((node, part) => (node as Tree)[part] ?? '', tree) as string;
    for (const key of keys(en)) {
      expect(placeholders(lookup(fr, key)), `${ns}:${key}`).toEqual(placeholders(lookup(en, key)));
    }
  });

  it.each(languages)('every error code has a text in %s', (lang) => {
    const i18n = createI18n(lang);
    for (const code of errorCodes) expect(i18n.exists(errorKey(code)), code).toBe(true);
  });
});
