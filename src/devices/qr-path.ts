// A QR code as one SVG path (a square per dark module), so the Done screen (React) and the
// take-home sheet (plain HTML) draw the very same code without an image file or a data: URL.
// Error correction M: a phone reads it from a printed sheet held at arm's length.
import { create } from 'qrcode';

export interface QrPath {
  /** Modules per side, the quiet zone included (the SVG's viewBox is 0 0 size size). */
  readonly size: number;
  readonly d: string;
}

/** Four modules of light margin all around: readers need the quiet zone. */
const QUIET = 4;

export function qrPath(text: string): QrPath {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    for (let column = 0; column < modules.size; column += 1) {
      if (modules.get(row, column)) parts.push(`M${column + QUIET} ${row + QUIET}h1v1h-1z`);
    }
  }
  return { size: modules.size + 2 * QUIET, d: parts.join('') };
}

/** The QR code as a standalone SVG element (for HTML pages). `label` names it for screen readers. */
export function qrSvg(text: string, label: string, sizeCss: string): string {
  const { size, d } = qrPath(text);
  const escaped = label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escaped}" viewBox="0 0 ${size} ${size}" width="${sizeCss}" height="${sizeCss}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`;
}
