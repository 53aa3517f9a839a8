// How large a paper may be, and the sentence that says so, kept apart from the schemas so the
// screens can refuse an oversized file before reading it, in the same words as the contract.

/** The largest paper the store keeps (its CHECK on size_bytes says the same): 25 MB. */
export const MAX_PAPER_BYTES = 25 * 1024 * 1024;

export const PAPER_TOO_LARGE =
  'That paper is larger than 25 MB. Save a smaller PDF (for example with scanned pages compressed) and attach that.';
