// Reads a QR code back to its text with jsQR, from what the app draws: the SVG path of
// src/devices/qr-path.ts (rasterised here square by square), or the pixels a browser drew.
import jsQR from 'jsqr';

/** The text of the QR code drawn by `d` (squares `M x y h1v1h-1z`) in a `size`-module square. */
export function decodeQrPath(size: number, d: string, scale = 6): string | null {
  const width = size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const match of d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    const x = Number(match[1]);
    const y = Number(match[2]);
    for (let dy = 0; dy < scale; dy += 1) {
      for (let dx = 0; dx < scale; dx += 1) {
        const at = ((y * scale + dy) * width + x * scale + dx) * 4;
        pixels[at] = 0;
        pixels[at + 1] = 0;
        pixels[at + 2] = 0;
      }
    }
  }
  return jsQR(pixels, width, width)?.data ?? null;
}

/** The text of the QR code in RGBA pixels (a canvas's ImageData, read in Chromium). */
export function decodeQrPixels(
  rgba: ArrayLike<number>,
  width: number,
  height: number,
): string | null {
  return jsQR(Uint8ClampedArray.from(rgba), width, height)?.data ?? null;
}
