// packs.*: draft packs shown in the window, issued (frozen) versions, re-export and verification,
// all through the pack builder's API in electron/pack.
import { BoardPackError } from '../../shared/errors';
import {
  buildPack,
  changesSinceIssue,
  issuedPackPdf,
  issuePack,
  listIssuedPacks,
  verifyPackBytes,
} from '../pack/index';
import { warmPack, type WarmResult } from '../pack/warm';
import type { Store } from '../store/store';
import { actorOf } from './services';
import type { Group } from './table';

/**
 * Lays the latest meeting's pack out in idle time and throws it away, so the session's first
 * "Build the pack" costs what a warm build does. The desktop door calls it after the window shows.
 */
export function warmPackInIdleTime(store: Store, log: (line: string) => void): Promise<WarmResult> {
  return warmPack(store, { log });
}

/** How many versions of a meeting's pack have been issued. */
export async function issuedPackCount(store: Store, meetingId: number): Promise<number> {
  return (await listIssuedPacks(store, meetingId)).length;
}

/** Base64 travels over IPC and HTTP alike; a PDF that does not decode is refused in words. */
function decodePdf(base64: string): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0)
    throw new BoardPackError('refused_file', 'That file is empty or could not be read.');
  return bytes;
}

export const packsHandlers: Group<'packs'> = {
  'packs.buildDraft': async ({ store }, { meetingId, sections, protectiveMarking }) => {
    const built = await buildPack(store, { meetingId, sections, protectiveMarking, draft: true });
    return {
      pdfBase64: built.pdf.toString('base64'),
      pages: built.pages,
      sha256: built.sha256,
      reference: built.reference,
    };
  },

  'packs.build': async ({ store }, { meetingId, sections, protectiveMarking, draft }) => {
    const built = await buildPack(store, { meetingId, sections, protectiveMarking, draft });
    const { pages, sha256, reference } = built;
    return { pdfBase64: built.pdf.toString('base64'), pages, sha256, reference };
  },

  'packs.issue': async (services, { meetingId, sections, protectiveMarking, changes, version }) =>
    await issuePack(
      services.store,
      { meetingId, sections, protectiveMarking, notes: changes, version },
      await actorOf(services),
    ),

  'packs.list': async ({ store }, { meetingId }) => await listIssuedPacks(store, meetingId),

  'packs.export': async ({ store }, { id }) => {
    const issued = (await listIssuedPacks(store)).find((p) => p.id === id);
    if (!issued) throw new BoardPackError('not_found', `There is no issued pack ${id}.`);
    const meeting = await store.meetings.get(issued.meetingId);
    return {
      fileName: `board-pack-${meeting.heldAt.slice(0, 10)}-v${issued.version}.pdf`,
      pdfBase64: (await issuedPackPdf(store, id)).toString('base64'),
      sha256: issued.sha256,
    };
  },

  'packs.verify': async ({ store }, { pdfBase64 }) => await verifyPackBytes(store, decodePdf(pdfBase64)),

  'packs.changesSinceIssue': async ({ store }, { meetingId }) => await changesSinceIssue(store, meetingId),
};
