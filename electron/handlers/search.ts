// search.query: one search across the record (objectives, updates, minutes, decisions, actions,
// papers, indicators), answered from the store's full-text index, grouped by kind.
import type { Group } from './table';

export const searchHandlers: Group<'search'> = {
  'search.query': async ({ store }, input) => ({
    words: input.words,
    groups: await store.search.search(input.words, input.perKind),
  }),
};
