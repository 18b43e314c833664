// How a place name typed by a person is compared with the names in the gazetteer. People type
// "st etienne", "SAINT ETIENNE", "Saint-Étienne", "les sables dolonne" or "havre" for the same
// towns: accents, case, hyphens, apostrophes and spaces must not matter, "St"/"Ste" stand for
// "Saint"/"Sainte", and the leading article ("Le Havre") may be left out.

/** Abbreviations French, Belgian, Swiss and Québec place names are commonly typed with. */
const abbreviations: Readonly<Record<string, string>> = {
  st: 'saint',
  ste: 'sainte',
  sts: 'saints',
  stes: 'saintes',
};

/** Leading articles of French place names ("Le Havre", "La Rochelle", "Les Ulis", "L'Haÿ"). */
const articles = new Set(['le', 'la', 'les', 'l']);

/** Words of a name, without accents, case or punctuation, abbreviations expanded. */
export function nameWords(text: string): string[] {
  const plain = text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (plain === '') return [];
  return plain.split(' ').map((word) => abbreviations[word] ?? word);
}

/**
 * The comparison key: words glued together, so "d'Olonne", "d Olonne" and "dOlonne" meet.
 * Two different towns whose letters are the same in the same order share a key; they are then
 * told apart like any other homonyms (population, country).
 */
export function nameKey(text: string): string {
  return nameWords(text).join('');
}

/** Every key a name is found under: the name itself and, if it has one, without its article. */
export function nameKeys(text: string): string[] {
  const words = nameWords(text);
  if (words.length === 0) return [];
  const keys = [words.join('')];
  const [first, ...rest] = words;
  if (first !== undefined && articles.has(first) && rest.length > 0) keys.push(rest.join(''));
  return keys;
}

/**
 * A place's keys as the gazetteer file stores them: its name's key, each other name's key (in
 * order), then `~` and the key without the article when there is one.
 */
export function encodePlaceKeys(name: string, otherNames: readonly string[]): string {
  const [key, bare] = nameKeys(name);
  const parts = [key ?? '', ...otherNames.map(nameKey)];
  if (bare !== undefined) parts.push(`~${bare}`);
  return parts.join('|');
}
