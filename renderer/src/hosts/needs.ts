// What the new host must offer, from what the family chose to move on "What we found".
import type { Need } from '../../../src/contract/index.ts';
import type { Selection } from '../selection.ts';

/**
 * Tasks travel inside calendars (a to-do is a calendar item, RFC 5545 §3.6.2), so moving only
 * tasks still needs a host with calendars. Nothing chosen asks for everything, rather than for
 * nothing: the family is still looking for a home.
 */
export function needsOf(selection: Selection | undefined): Need[] {
  if (selection === undefined) return ['files', 'calendars', 'contacts'];
  const needs: Need[] = [];
  // Photos and notes are files too: they go to the files space.
  if (selection.files || selection.photos || selection.notes) needs.push('files');
  if (selection.calendars.length > 0 || selection.tasks) needs.push('calendars');
  if (selection.contacts || selection.otherContacts) needs.push('contacts');
  return needs.length === 0 ? ['files', 'calendars', 'contacts'] : needs;
}
