// The engine's reasons are fragments made for lists ("about 30 € a year"); alone in a
// paragraph they read better as a sentence ("About 30 € a year.").
export function asSentence(fragment: string, language: string): string {
  const text = fragment.trim();
  if (text === '') return text;
  const first = text.charAt(0).toLocaleUpperCase(language);
  const ending = /[.!?…]$/.test(text) ? '' : '.';
  return `${first}${text.slice(1)}${ending}`;
}
