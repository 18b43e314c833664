// What to search for when the family clicks one of the engine's suggestions for an unknown
// place. The engine suggests names as people tell them apart — "Lyon (69)", "Genève (CH)",
// "75019 Paris 19e Arrondissement", "01230 Place A, Place B…" — but does not read its own
// labels back ("Lyon (69)" is not found; src/hosts/geo/gazetteer.ts). So: a postcode
// suggestion searches its postcode, a name suggestion its name without the bracket.
export function suggestionQuery(suggestion: string): string {
  const text = suggestion.trim();
  const postcode = /^(\d{5})\b/.exec(text);
  if (postcode?.[1] !== undefined) return postcode[1];
  return text.replace(/\s*\([^()]*\)\s*$/, '').trim() || text;
}
