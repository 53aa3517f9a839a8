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

/**
 * The most pages a paper may have: 500. Every page of a paper becomes a page of the pack that each
 * board member is sent, and is drawn again at every rebuild of the draft; a longer document is a
 * reference to cite, not a paper to read before a meeting. One page object listed 100,000 times
 * makes a 0.6 MB file a 100,000-page paper, which no pack could finish.
 */
export const MAX_PAPER_PAGES = 500;

export function paperHasTooManyPages(name: string): string {
  return `"${name}" has more than ${MAX_PAPER_PAGES} pages; a paper can have at most ${MAX_PAPER_PAGES}. Attach the part the board needs to read, or split it into shorter papers.`;
}

/**
 * The most drawing instructions a paper's pages may unpack to: 100 MB. A text paper unpacks to tens
 * of KB a page and a detailed map to a few MB, so 100 MB is far beyond a real paper; a file built
 * to unpack to gigabytes (1 MB of compressed zeros unpacks to 1 GB) would make every pack build,
 * and every reader's viewer, slow or run out of memory.
 */
export const MAX_PAPER_CONTENT_BYTES = 100 * 1024 * 1024;

export function paperContentTooLarge(name: string): string {
  return `"${name}" unpacks to more than 100 MB of page content (a normal paper unpacks to a few MB), which would make the pack too slow to build and to open. Print it to a new PDF, or save its pages as images, and attach that.`;
}

/**
 * A paper kept before these limits that exceeds one, found when a pack is built: named by its
 * number in the pack ("3.1") and title, as the secretariat sees it in the meeting's papers.
 */
export function keptPaperOverLimit(number: string, title: string, over: 'pages' | 'content'): string {
  const what =
    over === 'pages'
      ? `has more than ${MAX_PAPER_PAGES} pages`
      : 'unpacks to more than 100 MB of page content';
  return `Paper ${number} "${title}" ${what}, so the pack cannot be built with it. Remove it, and attach ${over === 'pages' ? 'the part the board needs to read' : 'a copy printed to a new PDF'}.`;
}
