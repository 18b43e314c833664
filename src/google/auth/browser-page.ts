// The small page the browser shows after Google sends it back to Baluchon: in French and in
// English at once, since the listener cannot know the browser's language and the page must not
// load anything (no script, no request) to find out.
import { createI18n } from '../../i18n/create-i18n.ts';

export type BrowserPageKind = 'done' | 'refused' | 'failed' | 'stale';

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function browserPage(kind: BrowserPageKind): string {
  const fr = createI18n('fr').t;
  const en = createI18n('en').t;
  return [
    '<!doctype html>',
    '<html lang="fr"><head><meta charset="utf-8">',
    `<title>${escape(fr('google:browserPage.title'))}</title>`,
    '<style>body{font:1.25rem/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem}</style>',
    '</head><body>',
    `<p>${escape(fr(`google:browserPage.${kind}`))}</p>`,
    `<p lang="en">${escape(en(`google:browserPage.${kind}`))}</p>`,
    '</body></html>',
  ].join('\n');
}
