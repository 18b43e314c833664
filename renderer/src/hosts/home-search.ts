// What the family typed and filtered on "Your new home", kept by the wizard so that coming back
// from Connect finds the same list.
import { noFilters } from './host-filters.ts';
import type { HostFilters } from './host-filters.ts';

export interface HomeSearch {
  /** The place searched last (what was submitted, not what is being typed). */
  query: string;
  filters: HostFilters;
}

export const emptySearch: HomeSearch = { query: '', filters: noFilters };
