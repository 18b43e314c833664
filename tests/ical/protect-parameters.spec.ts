import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { protectParameterBackslashes } from '../../src/ical/protect-parameters.ts';

describe('protectParameterBackslashes', () => {
  it('lets an Apple structured location come back as written', () => {
    const line =
      'X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-ADDRESS="Rue 16\\n12764 Ville":geo:52.3,7.5';
    const property = new ICAL.Property(
      ICAL.parse.property(protectParameterBackslashes(line)) as unknown[],
    );
    expect(property.getFirstParameter('x-address')).toBe('Rue 16\\n12764 Ville');
    expect(property.toICALString()).toContain('X-ADDRESS=Rue 16\\n12764 Ville');
  });

  it('leaves the value and parameter-less lines alone', () => {
    expect(protectParameterBackslashes('DESCRIPTION:a\\nb')).toBe('DESCRIPTION:a\\nb');
    expect(protectParameterBackslashes('DESCRIPTION;LANGUAGE=fr:a\\nb')).toBe(
      'DESCRIPTION;LANGUAGE=fr:a\\nb',
    );
    expect(protectParameterBackslashes('X-A;X-B="a:b\\c";X-C=d\\e:v\\w')).toBe(
      'X-A;X-B="a:b\\\\c";X-C=d\\\\e:v\\w',
    );
  });
});
