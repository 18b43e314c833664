import { describe, expect, it } from 'vitest';
import { sniff } from '../../src/takeout/sniff-content.ts';

describe('sniff', () => {
  it.each([
    ['\uFEFF  BEGIN:VCALENDAR\r\n', 'calendar'],
    ['begin:vcard\n', 'contacts'],
    ['{"kind": "tasks#taskLists", "items": []}', 'tasks'],
    ['{"title":"n","textContent":"pain","userEditedTimestampUsec":1}', 'keep'],
    ['{"title":"IMG.jpg","photoTakenTime":{"timestamp":"1"}}', 'photos'],
    // A long note, or one cut short, before its edit time: Keep's first flags tell it.
    ['{"color":"DEFAULT","isTrashed":false,"isPinned":false,"textContent":"Ce fichier', 'keep'],
    // A picture Google received without a date: only its upload's.
    ['{"title":"IMG-WA0003.jpg","creationTime":{"timestamp":"1"}}', 'photos'],
    // An album's description is not a sidecar.
    ['{"title":"Noël","description":"","access":"protected","date":{"timestamp":"1"}}', 'json'],
    ['[{"header":"Search","title":"x","products":["Search"]}]', 'activity'],
    ['{"Browser History":[]}', 'json'],
    ['<html>', 'unknown'],
  ])('%s → %s', (text, kind) => {
    expect(sniff(Buffer.from(text))).toBe(kind);
  });
});
