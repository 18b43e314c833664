// One calendar object resource into the components the engine reads, unfolded, CRLF.
import { describe, expect, it } from 'vitest';
import { normaliseColor } from '../../../src/sources/dav/list-collections.ts';
import { splitComponents } from '../../../src/sources/dav/split-components.ts';

describe('splitComponents', () => {
  it('yields each top-level component with its sub-components, unfolded, in order', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Paris',
      'BEGIN:STANDARD',
      'TZOFFSETTO:+0100',
      'END:STANDARD',
      'END:VTIMEZONE',
      'BEGIN:VEVENT',
      'UID:a@x',
      'SUMMARY:Une longue',
      '  description pliée',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'END:VALARM',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:a@x',
      'RECURRENCE-ID:20250101T100000Z',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\n');
    expect(splitComponents(text)).toEqual([
      'BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\nBEGIN:STANDARD\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n',
      'BEGIN:VEVENT\r\nUID:a@x\r\nSUMMARY:Une longue description pliée\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nEND:VALARM\r\nEND:VEVENT\r\n',
      'BEGIN:VEVENT\r\nUID:a@x\r\nRECURRENCE-ID:20250101T100000Z\r\nEND:VEVENT\r\n',
    ]);
  });

  it('yields nothing from text that is not a calendar', () => {
    expect(splitComponents('')).toEqual([]);
    expect(splitComponents('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n')).toEqual([]);
  });
});

describe('normaliseColor', () => {
  it("reads Apple's #RRGGBBAA and #RRGGBB as #rrggbb, and nothing else", () => {
    expect(normaliseColor('#3A7BD5FF')).toBe('#3a7bd5');
    expect(normaliseColor(' #3a7bd5 ')).toBe('#3a7bd5');
    expect(normaliseColor('blue')).toBeNull();
    expect(normaliseColor(undefined)).toBeNull();
  });
});
