// The words an issued pack is named by, the same in print, on screen and on the command line: its
// printed reference (the file's SHA-256 cannot be printed inside the file it is the hash of, so the
// pack prints the first digits of its content hash, and everything else shows those), and the
// sentences that say which version a verified file is and whether the data has moved on since.
import { dateLabel } from './months';

/** The label before the printed identifier, on the cover, every page's footer, the screen and the CLI. */
export const REFERENCE_LABEL = 'Reference';

/** The printed identifier: the first 8 hex digits of the pack's content hash. */
export function packReference(contentHash: string): string {
  return contentHash.slice(0, 8);
}

/** "Reference c1e6a3ad", as the footer and cover print it. */
export function referenceText(reference: string): string {
  return `${REFERENCE_LABEL} ${reference}`;
}

export interface VerifiedPack {
  version: number;
  meetingHeldAt: string;
  meetingTitle: string;
  issuedAt: string;
  issuedBy: string;
  reference: string;
  /** The latest version issued after this one, if any. */
  replacedBy: { version: number; issuedAt: string } | null;
}

/** What Verify says of a file that matched, on screen ("This file") and on the command line (its name). */
export function verifiedPackSentence(subject: string, pack: VerifiedPack): string {
  const said = `${subject} is version ${pack.version} of the pack for the meeting of ${dateLabel(pack.meetingHeldAt)} (${pack.meetingTitle}), issued ${dateLabel(pack.issuedAt)} by ${pack.issuedBy}, ${referenceText(pack.reference)}. It has not been changed.`;
  if (!pack.replacedBy) return `${said} It is the latest version.`;
  return `${said} It was replaced by version ${pack.replacedBy.version} on ${dateLabel(pack.replacedBy.issuedAt)}: read that one instead.`;
}

/** "3 changes", "1 change". */
export function changesCount(count: number): string {
  return `${count} change${count === 1 ? '' : 's'}`;
}

/** The short form `pack list` prints beside the latest version when the data has moved on. */
export function staleLabel(changeCount: number): string {
  return `stale: ${changesCount(changeCount)} since issue`;
}
