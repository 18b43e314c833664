import { describe, expect, it } from 'vitest';
import { sniff } from '../../src/takeout/sniff-content.ts';

describe('sniff', () => {
  it.each([
    ['\uFEFF  BEGIN:VCALENDAR\r\n', 'calendar'],
    ['begin:vcard\n', 'contacts'],
    ['{"kind": "tasks#taskLists", "items": []}', 'tasks'],
    ['{"title":"n","textContent":"pain","userEditedTimestampUsec":1}', 'keep'],
    ['{"title":"IMG.jpg","photoTakenTime":{"timestamp":"1"}}', 'photos'],
    ['[{"header":"Search","title":"x","products":["Search"]}]', 'activity'],
    ['{"Browser History":[]}', 'json'],
    ['<html>', 'unknown'],
  ])('%s → %s', (text, kind) => {
    expect(sniff(Buffer.from(text))).toBe(kind);
  });
});
