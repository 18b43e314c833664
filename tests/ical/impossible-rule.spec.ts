import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { ruleNeverMatches } from '../../src/ical/impossible-rule.ts';

const never = (text: string) => ruleNeverMatches(ICAL.Recur.fromString(text));

describe('ruleNeverMatches', () => {
  it.each([
    'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30',
    'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-30',
    'FREQ=MONTHLY;BYMONTH=4,6,9,11;BYMONTHDAY=31',
    'FREQ=YEARLY;BYMONTH=4;BYDAY=1MO;BYMONTHDAY=15,16,17,18,19,20,21',
    'FREQ=MONTHLY;BYDAY=5MO;BYMONTHDAY=1,2,3',
    'FREQ=YEARLY;BYWEEKNO=1;BYMONTH=6',
    'FREQ=YEARLY;BYYEARDAY=-1;BYMONTH=6',
    'FREQ=YEARLY;BYYEARDAY=1;BYDAY=MO;BYMONTH=3',
    'FREQ=MONTHLY;BYDAY=-1SU;BYMONTHDAY=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21',
    'FREQ=DAILY;COUNT=0',
  ])('%s never happens', (rule) => {
    expect(never(rule)).toBe(true);
  });

  it.each([
    'FREQ=DAILY',
    'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29',
    'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO',
    'FREQ=MONTHLY;BYMONTHDAY=31',
    'FREQ=MONTHLY;BYMONTHDAY=-31',
    'FREQ=MONTHLY;BYDAY=5MO',
    'FREQ=MONTHLY;BYDAY=-1FR',
    'FREQ=YEARLY;BYDAY=53MO',
    'FREQ=YEARLY;BYMONTH=2;BYDAY=5SU',
    'FREQ=YEARLY;BYYEARDAY=366',
    'FREQ=YEARLY;BYYEARDAY=-366',
    'FREQ=YEARLY;BYWEEKNO=53',
    'FREQ=YEARLY;BYWEEKNO=-1;BYDAY=MO',
    'FREQ=YEARLY;BYWEEKNO=1;BYMONTH=12',
    'FREQ=YEARLY;BYWEEKNO=53;BYMONTH=1',
    'FREQ=YEARLY;BYWEEKNO=1;BYMONTH=1;WKST=SU',
    'FREQ=WEEKLY;BYDAY=MO,TU',
    'FREQ=YEARLY;BYMONTH=3;BYDAY=1MO;BYMONTHDAY=1,2,3,4,5,6,7',
  ])('%s happens', (rule) => {
    expect(never(rule)).toBe(false);
  });
});
