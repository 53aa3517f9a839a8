// papers.*: PDF files an agenda item carries into the board pack. The contract has checked the size
// (25 MB) before anything here runs; the store checks the rest (a PDF, not encrypted, with pages, an
// item on this meeting's agenda, a title within the limit) and keeps the bytes with an audit record.
import { BoardPackError } from '../../shared/errors';
import { fontsNotice } from '../pdf/paperFonts';
import { actorOf } from './services';
import type { Group } from './table';

/** The contract has checked the text is base64; one that decodes to nothing is refused in words. */
function decodePaper(base64: string): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0)
    throw new BoardPackError('refused_file', 'That file is empty or could not be read.');
  return bytes;
}

export const papersHandlers: Group<'papers'> = {
  'papers.list': async ({ store }, { meetingId }) => await store.papers.list(meetingId),

  'papers.get': async ({ store }, { id }) => await store.papers.get(id),

  'papers.add': async (services, { meetingId, agendaItemId, title, fileName, pdfBase64 }) => {
    const { store } = services;
    const pdf = decodePaper(pdfBase64);
    const paper = await store.papers.add(
      { meetingId, agendaItemId, title, fileName, pdf },
      store.now(),
      await actorOf(services),
    );
    return { ...paper, ...(await fontsNotice(pdf, paper.title)) };
  },

  'papers.rename': async (services, { id, title }) =>
    await services.store.papers.rename(id, title, services.store.now(), await actorOf(services)),

  'papers.remove': async (services, { id }) => {
    await services.store.papers.remove(id, services.store.now(), await actorOf(services));
    return { removed: id };
  },

  'papers.open': async ({ store }, { id }) => {
    const paper = await store.papers.get(id);
    return {
      fileName: paper.fileName,
      pdfBase64: (await store.papers.pdf(id)).toString('base64'),
      sha256: paper.sha256,
    };
  },
};
