// How large a paper may be and how long its title, and the sentences that say so: one place for
// the store, the contract and the screens (which refuse an oversized file before reading it), so
// all of them refuse in the same words.

/** The largest paper the store keeps (its CHECK on size_bytes says the same): 25 MB. */
export const MAX_PAPER_BYTES = 25 * 1024 * 1024;

export const PAPER_TOO_LARGE =
  'That paper is larger than 25 MB. Save a smaller PDF (for example with scanned pages compressed) and attach that.';

/** The longest title a paper may have, when attached or renamed. */
export const MAX_PAPER_TITLE_LENGTH = 200;

export const PAPER_TITLE_TOO_LONG = `A paper title is at most ${MAX_PAPER_TITLE_LENGTH} characters.`;
