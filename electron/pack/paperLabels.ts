// How the pack names a paper and its length ("3.1", "2 pages"), said alike in the agenda, the
// contents, the papers' dividers and the reissue's "What changed" list.

/** The two positions a paper's number is made of. */
export interface NumberedPaper {
  itemPosition: number;
  /** Its place among its item's papers, from 1. */
  position: number;
}

/** "3.1": the agenda item's number and the paper's place under it, as the board refers to it. */
export function paperNumber(paper: NumberedPaper): string {
  return `${paper.itemPosition}.${paper.position}`;
}

export function pagesLabel(pages: number): string {
  return pages === 1 ? '1 page' : `${pages} pages`;
}
