// Lays a pack model out as a pdfmake document and renders it to bytes. Deterministic: the creation
// date is the meeting's, pdfkit's document ID is derived from the metadata (and its XMP from the
// same fields), and every list in the model is in a fixed order. Issued packs are PDF/A-2b, unless
// a paper in them does not carry its fonts: then plain PDF, and `notArchival` says why.
import { createHash } from 'node:crypto';
import { dateLabel, monthLabel } from '../../shared/months';
import { notArchivalSentence, packReference, referenceText } from '../../shared/packWords';
import type { PackSection } from '../store/meetings';
import type { DocDefinition, Node } from './content';
import { archival } from './archival';
import { FONT, pdfmakeReady } from './fonts';
import { contentHash, type PackModel } from './model';
import { inlineStyles } from './inlineStyles';
import { pageFrame, type FrameText } from './pageFrame';
import { splitIntoParts, withoutLeadingBreak, type PackPart } from './parts';
import { packLog } from './enginePatches';
import { presetTables } from './presetTables';
import { actionsSection } from './sections/actions';
import { agendaSection } from './sections/agenda';
import { appendicesSection } from './sections/appendices';
import { contentsSection } from './sections/contents';
import { coverSection } from './sections/cover';
import { dashboardSection } from './sections/dashboard';
import { exceptionsSection } from './sections/exceptions';
import { minutesSection } from './sections/minutes';
import { papersSection } from './sections/papers';
import { performanceSection } from './sections/performance';
import { strandsSection } from './sections/strands';
import { INK, MARGINS, SIZE, STYLES } from './theme';

export interface RenderedPack {
  pdf: Buffer;
  pages: number;
  sha256: string;
  contentHash: string;
  /** Why an issued pack does not claim PDF/A (shared/packWords); left out when it does, and for drafts. */
  notArchival?: string;
}

const SECTION_BUILDERS: Record<PackSection, (model: PackModel, hash: string) => Node[]> = {
  cover: coverSection,
  agenda: agendaSection,
  contents: contentsSection,
  minutes: minutesSection,
  actions: actionsSection,
  dashboard: dashboardSection,
  exceptions: exceptionsSection,
  performance: performanceSection,
  strands: strandsSection,
  papers: papersSection,
  appendices: appendicesSection,
};

/** The meeting's own time as the PDF's dates, so a rebuild gives the same bytes on any day. */
function fixedDate(heldAt: string): Date {
  return new Date(`${heldAt.slice(0, 16)}:00Z`);
}

function hasLandscapePages(model: PackModel): boolean {
  return (model.papers ?? []).some((p) => (p.landscapePages ?? []).length > 0);
}

/** After a landscape paper page, the next section starts on a portrait page again. */
function backToPortrait(nodes: Node[]): Node[] {
  const [first, ...rest] = nodes;
  if (first === undefined || typeof first !== 'object' || Array.isArray(first)) return nodes;
  const portrait: { pageOrientation: 'portrait' } = { pageOrientation: 'portrait' };
  const turned = { ...first, ...portrait };
  return [turned, ...rest];
}

function editionLabelOf({ edition }: PackModel): string {
  return edition.draft ? `Draft of version ${edition.version}` : `Version ${edition.version}`;
}

/** What the page frame prints on every page. */
function frameOf(model: PackModel, hash: string): FrameText {
  return {
    marking: model.edition.marking,
    boardName: model.plan.boardName,
    meetingDate: dateLabel(model.meeting.heldAt),
    edition: editionLabelOf(model),
    hash,
  };
}

/**
 * The pack as a pdfmake document. An issued pack claims PDF/A-2b unless `archival` says otherwise
 * (a paper in it does not carry its fonts); a draft never does.
 */
export function packDefinition(
  model: PackModel,
  hash: string,
  pageCount: { value: number },
  archivalClaim = !model.edition.draft,
): DocDefinition {
  const { edition, meeting, plan } = model;
  const sections = edition.sections.flatMap((section, i) => {
    const nodes = SECTION_BUILDERS[section](model, hash);
    return edition.sections[i - 1] === 'papers' && hasLandscapePages(model) ? backToPortrait(nodes) : nodes;
  });
  const content = withoutLeadingBreak(sections.map((node) => presetTables(inlineStyles(node, STYLES))));
  const editionLabel = editionLabelOf(model);
  const date = fixedDate(meeting.heldAt);
  const info = {
    title: `${plan.boardName}: board pack for ${dateLabel(meeting.heldAt)}`,
    author: plan.organisation,
    subject: `Progress against the ${plan.title} for ${monthLabel(model.reportingMonth)}; ${editionLabel.toLowerCase()}`,
    keywords: [
      edition.marking,
      plan.boardName,
      monthLabel(model.reportingMonth),
      editionLabel,
      referenceText(packReference(hash)),
    ].join('; '),
    creator: 'Board Pack',
    producer: 'Board Pack (pdfmake)',
    creationDate: date,
    modDate: date,
  };
  return {
    pageSize: 'A4',
    pageMargins: MARGINS,
    // An issued pack is a record: archival PDF/A-2b, when all it holds can be. A draft, and an
    // issued pack that cannot be PDF/A, keep pdfmake's plain PDF: no XMP claim, no output intent.
    ...(archivalClaim && !edition.draft ? archival(info) : { info }),
    content,
    ...pageFrame(frameOf(model, hash), pageCount),
    watermark: edition.draft
      ? { text: 'DRAFT', color: INK.watermark, opacity: 0.09, bold: true, fontSize: 150 }
      : undefined,
    defaultStyle: { font: FONT.text, fontSize: SIZE.body, lineHeight: 1.2, color: INK.text },
    styles: {},
    language: 'en-GB',
  };
}

/**
 * A very large pack laid out in parts and joined (parts.ts, join.ts), or null for a pack small
 * enough to be one pdfmake document, as almost every pack is. `pageCount` gets the pack's pages.
 * Should the parts fail, the log says why and the pack is laid out whole: it costs memory, not the pack.
 */
async function layOutInParts(
  definition: DocDefinition,
  parts: PackPart[],
  pageCount: { value: number },
): Promise<Buffer | null> {
  try {
    const { layOutParts } = await import('./join');
    return await layOutParts(definition, parts, pageCount);
  } catch (error) {
    packLog(
      `the pack could not be built in parts (${error instanceof Error ? error.message : String(error)}); it is built whole`,
    );
    return null;
  }
}

/**
 * Renders the pack. With papers in it, pdf-lib then draws each paper page onto its placeholder;
 * without, pdfmake's bytes are the pack, untouched. `paperBytes` gives a paper's bytes by sha256.
 */
export async function renderPack(
  model: PackModel,
  paperBytes: (sha256: string) => Uint8Array = () => {
    throw new Error('The pack has papers but no way to read them.');
  },
): Promise<RenderedPack> {
  const withPapers = model.edition.sections.includes('papers') && (model.papers ?? []).length > 0;
  // The papers pass, and pdf-lib with it, is loaded only for a pack that has papers.
  const papersPass = withPapers ? await import('./papers') : null;
  const shapes = papersPass ? await papersPass.withPaperShapes(model.papers ?? [], paperBytes) : null;
  const shaped = shapes ? { ...model, papers: shapes.papers } : model;
  const withoutFonts = model.edition.draft ? [] : (shapes?.withoutFonts ?? []);
  const hash = contentHash(shaped);
  const pageCount = { value: 0 };
  const archivalClaim = !model.edition.draft && withoutFonts.length === 0;
  const definition = packDefinition(shaped, hash, pageCount, archivalClaim);
  const parts = splitIntoParts(definition.content);
  let inParts: Buffer | null = null;
  if (parts) {
    // The parts hold the nodes now, and let each part's go once it is laid out. They leave "Page X
    // of Y" out of their footers: join.ts draws it once every page is known.
    definition.content = [];
    const unnumbered = { ...definition, ...pageFrame(frameOf(shaped, hash), pageCount, false) };
    inParts = await layOutInParts(unnumbered, parts, pageCount);
  }
  // After parts that failed, a fresh definition: pdfmake has written its layout into the old one.
  const laidOut =
    inParts ??
    (await pdfmakeReady()
      .createPdf(parts ? packDefinition(shaped, hash, pageCount, archivalClaim) : definition)
      .getBuffer());
  const papers = papersPass ? (shaped.papers ?? []) : [];
  const pdf =
    papersPass && papers.length ? await papersPass.drawPapers(laidOut, papers, paperBytes) : laidOut;
  return {
    pdf,
    pages: pageCount.value,
    sha256: createHash('sha256').update(pdf).digest('hex'),
    contentHash: hash,
    ...(withoutFonts.length ? { notArchival: notArchivalSentence(withoutFonts) } : {}),
  };
}
