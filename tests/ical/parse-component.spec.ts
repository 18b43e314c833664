import { describe, expect, it } from 'vitest';
import { contentLines, derivedUid, parseComponent } from '../../src/ical/parse-component.ts';

describe('parseComponent', () => {
  it('reads kind and UID, CRLF or LF, folded or not', () => {
    const parsed = parseComponent('BEGIN:VEVENT\nUID:abc@goo\n gle.com\nSUMMARY:x\nEND:VEVENT\n');
    expect(parsed.ok && [parsed.kind, parsed.uid, parsed.uidDerived]).toEqual([
      'vevent',
      'abc@google.com',
      false,
    ]);
  });

  it('names a broken component with what can be read of it', () => {
    const parsed = parseComponent(
      'BEGIN:VEVENT\r\nDTSTART;TZID=Europe/Paris:20250103T100000\r\nUID:b@x\r\nSUMMARY:Abîmé\r\nOOPS\r\nEND:VEVENT\r\n',
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.hint).toEqual({ summary: 'Abîmé', start: '20250103T100000', uid: 'b@x' });
  });

  it('derives a missing UID from the content, ignoring DTSTAMP', () => {
    const a = 'BEGIN:VEVENT\r\nDTSTAMP:20250101T000000Z\r\nSUMMARY:x\r\nEND:VEVENT\r\n';
    const b = 'BEGIN:VEVENT\nDTSTAMP:20260101T000000Z\nSUMMARY:x\nEND:VEVENT\n';
    const c = 'BEGIN:VEVENT\r\nDTSTAMP:20250101T000000Z\r\nSUMMARY:y\r\nEND:VEVENT\r\n';
    expect(derivedUid(a)).toBe(derivedUid(b));
    expect(derivedUid(a)).not.toBe(derivedUid(c));
    const parsed = parseComponent(a);
    expect(parsed.ok && parsed.uidDerived).toBe(true);
  });

  it('unfolds continuation lines starting with a space or a tab', () => {
    expect(contentLines('A:1\r\n 2\r\nB:3\n\t4\r\n')).toEqual(['A:12', 'B:34']);
  });
});
