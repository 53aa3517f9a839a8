// What changed in a meeting's papers between an issued pack and the next: a paper is the same if
// its bytes are (by SHA-256), replaced if a paper of the same title now has other bytes, else added
// or removed. Said in the reissue's "What changed" list, after the objectives.
import { z } from 'zod';
import type { PackModel } from './model';
import { pagesLabel, paperNumber } from './sections/papers';

export const snapshotPaperSchema = z.object({
  number: z.string(),
  title: z.string(),
  pages: z.number().int(),
  sha256: z.string(),
});
export type SnapshotPaper = z.infer<typeof snapshotPaperSchema>;

export function snapshotPapers(model: PackModel): SnapshotPaper[] {
  return (model.papers ?? []).map((p) => ({
    number: paperNumber(p),
    title: p.title,
    pages: p.pages,
    sha256: p.sha256,
  }));
}

/** Packs issued before papers existed recorded none, which is what they had. */
export function describePaperChanges(before: SnapshotPaper[] = [], after: SnapshotPaper[] = []): string[] {
  const kept = new Set(after.filter((a) => before.some((b) => b.sha256 === a.sha256)).map((a) => a.sha256));
  const gone = before.filter((b) => !kept.has(b.sha256));
  const changes: string[] = [];
  for (const paper of after) {
    if (kept.has(paper.sha256)) continue;
    const label = `Paper ${paper.number} ${paper.title}`;
    const replaced = gone.findIndex((b) => b.title === paper.title);
    if (replaced >= 0) {
      gone.splice(replaced, 1);
      changes.push(`${label}: replaced by a new file (${pagesLabel(paper.pages)})`);
    } else changes.push(`${label}: added (${pagesLabel(paper.pages)})`);
  }
  for (const paper of gone) changes.push(`Paper ${paper.number} ${paper.title}: removed`);
  return changes;
}
