// The export's own index page (`Takeout/archive_browser.html`, `Archiv_Übersicht.html` in German;
// TAKEOUT-NOTES §1.2) is an HTML inventory of the whole export, written in every part or in the
// first one. Its layout is not documented and its name is translated, so it is not parsed: any
// loose .html file at the export's root is searched for the names Google gives the parts
// (`takeout-<stamp>-003.zip`). A part it names that was not given is told to the family
// (export-parts.ts, missingPartNames); a page that names none changes nothing.

/** An index page is a few hundred kilobytes; a bigger loose .html file is not read for this. */
export const MAX_INDEX_BYTES = 8 * 1024 * 1024;

const PART_MENTION = /takeout-\d{8}T\d{6}Z(?:-\d+)?-\d{3}(?:\.(?:zip|tgz|tar\.gz))?/gi;

/** Whether a loose file at the export's root may be its index page. */
export function mayBeIndexPage(path: string, size: number): boolean {
  return !path.includes('/') && /\.html?$/i.test(path) && size <= MAX_INDEX_BYTES;
}

/** The part names the page mentions, each once, in the order first met. */
export function partNamesInIndex(html: string): string[] {
  return [...new Set(html.match(PART_MENTION) ?? [])];
}
