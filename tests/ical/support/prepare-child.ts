// Child process for series-occurrences.hostile.spec.ts: prepares one .ics file and prints each
// outcome as a JSON line, then `done`. Run apart so that a hang can be seen and killed.
import { prepareCalendarObjects } from '../../../src/ical/prepare-calendar-objects.ts';
import { surveyCalendar } from '../../../src/ical/survey-calendar.ts';
import { sourceFromFile } from './calendar-file.ts';

const [path] = process.argv.slice(2);
if (path === undefined) throw new Error('usage: prepare-child.ts <file.ics>');
const source = sourceFromFile(path);
const survey = await surveyCalendar(source);
for await (const outcome of prepareCalendarObjects(source, survey)) {
  const problems = outcome.problems.map(({ code }) => code);
  const where = outcome.status === 'ready' ? outcome.resource.where : outcome.where;
  console.log(JSON.stringify({ status: outcome.status, where, problems }));
}
console.log('done');
