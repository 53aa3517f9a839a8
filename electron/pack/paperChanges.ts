// What changed in a meeting's papers between an issued pack and the next: kept, renamed, replaced,
// added or removed (see describePaperChanges). Said in the reissue's "What changed" list, after the
// objectives.
import { z } from 'zod';
import { pagesLabel, paperNumber, type NumberedPaper } from './paperLabels';

export const snapshotPaperSchema = z.object({
  number: z.string(),
  title: z.string(),
  pages: z.number().int(),
  sha256: z.string(),
});
export type SnapshotPaper = z.infer<typeof snapshotPaperSchema>;

/** What the pack's model knows of a paper that the snapshot keeps. */
export type PaperFacts = NumberedPaper & { title: string; pages: number; sha256: string };

export function snapshotPapers(papers: readonly PaperFacts[]): SnapshotPaper[] {
  return papers.map((p) => ({
    number: paperNumber(p),
    title: p.title,
    pages: p.pages,
    sha256: p.sha256,
  }));
}

/**
 * Papers are matched by their bytes first: the same bytes under the same title is no change, under
 * another title a rename. A paper with new bytes under a title that was there is a replacement, else
 * it was added; what is left of the issued pack's papers was removed. Packs issued before papers
 * existed recorded none, which is what they had.
 */
export function describePaperChanges(before: SnapshotPaper[] = [], after: SnapshotPaper[] = []): string[] {
  const unmatched = [...before];
  const take = (match: (b: SnapshotPaper) => boolean): SnapshotPaper | undefined => {
    const at = unmatched.findIndex(match);
    return at >= 0 ? unmatched.splice(at, 1)[0] : undefined;
  };
  const said = new Map<SnapshotPaper, string | null>();
  for (const paper of after)
    if (take((b) => b.sha256 === paper.sha256 && b.title === paper.title)) said.set(paper, null);
  for (const paper of after) {
    if (said.has(paper)) continue;
    const was = take((b) => b.sha256 === paper.sha256);
    if (was) said.set(paper, `Paper ${paper.number} ${paper.title}: renamed from “${was.title}”`);
  }
  for (const paper of after) {
    if (said.has(paper)) continue;
    const label = `Paper ${paper.number} ${paper.title}`;
    said.set(
      paper,
      take((b) => b.title === paper.title)
        ? `${label}: replaced by a new file (${pagesLabel(paper.pages)})`
        : `${label}: added (${pagesLabel(paper.pages)})`,
    );
  }
  const changes = after.map((paper) => said.get(paper)).filter((line): line is string => Boolean(line));
  for (const paper of unmatched) changes.push(`Paper ${paper.number} ${paper.title}: removed`);
  return changes;
}
