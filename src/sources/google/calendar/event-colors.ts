// An event's own colour (`colorId`, "1" to "11") as RFC 7986 §5.9 COLOR, whose value is a CSS3
// colour name (a hex value is not allowed there). Google's event palette is the one `colors.get`
// returns under `event` (Calendar API reference, "Colors"); each entry is given the nearest CSS3
// named colour, so that Nextcloud, Thunderbird and DAVx⁵ show a colour close to Google's.
const EVENT_COLORS: Readonly<Record<string, { readonly hex: string; readonly css: string }>> = {
  '1': { hex: '#a4bdfc', css: 'lightsteelblue' }, // Lavender
  '2': { hex: '#7ae7bf', css: 'aquamarine' }, // Sage
  '3': { hex: '#dbadff', css: 'plum' }, // Grape
  '4': { hex: '#ff887c', css: 'salmon' }, // Flamingo
  '5': { hex: '#fbd75b', css: 'gold' }, // Banana
  '6': { hex: '#ffb878', css: 'sandybrown' }, // Tangerine
  '7': { hex: '#46d6db', css: 'mediumturquoise' }, // Peacock
  '8': { hex: '#e1e1e1', css: 'gainsboro' }, // Graphite
  '9': { hex: '#5484ed', css: 'royalblue' }, // Blueberry
  '10': { hex: '#51b749', css: 'mediumseagreen' }, // Basil
  '11': { hex: '#dc2127', css: 'crimson' }, // Tomato
};

/** The CSS3 name for Google's event colour id, or null (no colour, or an id Google never gave). */
export function eventColorName(colorId: string | null | undefined): string | null {
  return colorId == null ? null : (EVENT_COLORS[colorId.trim()]?.css ?? null);
}
