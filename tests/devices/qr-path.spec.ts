// The QR code drawn for the phone decodes back to exactly the DAVx⁵ link (read with jsQR).
import { describe, expect, it } from 'vitest';
import { qrPath, qrSvg } from '../../src/devices/qr-path.ts';
import { decodeQrPath } from '../support/decode-qr.ts';

describe('qrPath', () => {
  it('decodes back to its text, a long address included', () => {
    for (const text of [
      'davx5://camille.dupont@cloud.exemple.org/remote.php/dav/',
      `davx5://anne%40exemple.org@${'tres-long-'.repeat(12)}exemple.org:8443/dav/`,
    ]) {
      const { size, d } = qrPath(text);
      expect(decodeQrPath(size, d)).toBe(text);
    }
  });

  it('names the code for screen readers in the SVG, escaped', () => {
    expect(qrSvg('x', 'Code "QR" <DAVx⁵>', '30mm')).toContain(
      'aria-label="Code &quot;QR&quot; &lt;DAVx⁵>"',
    );
  });
});
