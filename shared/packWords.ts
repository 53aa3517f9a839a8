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

/** “A”, “A” and “B”, “A”, “B” and “C”. */
function quotedList(titles: string[]): string {
  const quoted = titles.map((t) => `“${t}”`);
  return quoted.length < 2 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

/**
 * Why an issued pack does not claim to be archival PDF/A: a paper merged into it names fonts it
 * does not embed, so the file would break the standard it claimed. Said on issue, on the screen
 * and by `pack issue`/`pack list`.
 */
export function notArchivalSentence(paperTitles: string[]): string {
  const one = paperTitles.length === 1;
  return `This pack is not marked archival (PDF/A) because the paper${one ? '' : 's'} ${quotedList(paperTitles)} ${one ? 'does' : 'do'} not carry ${one ? 'its' : 'their'} fonts.`;
}

/** Said when such a paper is attached, while it can still be swapped for one that carries its fonts. */
export function paperFontsNotice(title: string): string {
  return `“${title}” does not carry its fonts, so an issued pack holding it will not be marked archival (PDF/A). To keep the pack archival, save the paper as PDF/A (or with fonts embedded) and attach that instead.`;
}
