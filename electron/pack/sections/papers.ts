// The meeting's papers, in agenda order: a list with the page each starts on, then for each paper a
// divider page and one placeholder page per paper page. pdfmake cannot draw another PDF, so each
// placeholder carries only the pack's frame and a caption; papers.ts draws the paper's page into
// it afterwards. Laying the pages out here keeps "Page X of Y", the contents and the outline true.
import type { Node, StackNode, TextNode } from '../content';
import { fontRuns, safeText } from '../fontRuns';
import { pagesLabel, paperNumber } from '../paperLabels';
import type { PackModel, PackPaper } from '../model';
import { INK } from '../theme';
import { anchorOf, ruledTable, sectionOpening, td, th } from './common';

/** The anchor on a paper's divider (its bookmark). */
export function paperAnchor(index: number): string {
  return `paper-${index + 1}`;
}

/**
 * The anchor on a placeholder page. It is also a named destination in the PDF, which is how the
 * drawing pass finds the page each paper page goes on.
 */
export function paperPageAnchor(index: number, page: number): string {
  return `paper-${index + 1}-page-${page}`;
}

/** "Links and scripts were removed from this paper.": what the divider says the pack left out. */
export function removedSentence(removed: readonly string[]): string {
  const words =
    removed.length === 1
      ? removed[0]
      : `${removed.slice(0, -1).join(', ')} and ${removed[removed.length - 1]}`;
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} were removed from this paper.`;
}

/** pdfmake turns the page a node with a page break starts when the node says so. */
type Orientation = { pageOrientation?: 'portrait' | 'landscape' };

function divider(paper: PackPaper, index: number): StackNode & Orientation {
  const detail = (label: string, value: string): Node[] => [td(label, { color: INK.muted }), td(value)];
  const heading: TextNode = {
    text: fontRuns(paper.title),
    style: 'h1',
    id: paperAnchor(index),
    outline: true,
    outlineText: `${paperNumber(paper)} ${paper.title}`,
    outlineParentId: anchorOf('papers'),
  };
  return {
    stack: [
      {
        text: safeText(
          `Paper ${paperNumber(paper)} · Item ${paper.itemPosition}: ${paper.itemTitle}`.toUpperCase(),
        ),
        style: 'kicker',
      },
      heading,
      { text: '', margin: [0, 0, 0, 10] },
      {
        table: {
          widths: [90, '*'],
          body: [
            detail('Agenda item', `${paper.itemPosition}. ${paper.itemTitle}`),
            detail('Paper', `${paperNumber(paper)} ${paper.title}`),
            detail('File', paper.fileName),
            detail('Length', `${pagesLabel(paper.pages)}, reproduced as supplied on the pages that follow`),
            detail('SHA-256', paper.sha256),
            // Said only when there was something to remove, so a plain paper's divider is as it was.
            ...(paper.removed?.length ? [detail('Removed', removedSentence(paper.removed))] : []),
          ],
        },
        layout: 'noBorders',
      },
    ],
    pageBreak: 'before',
    pageOrientation: 'portrait',
  };
}

function placeholder(paper: PackPaper, index: number, page: number): TextNode & Orientation {
  return {
    text: safeText(`Paper ${paperNumber(paper)} · ${paper.title} · page ${page} of ${paper.pages}`),
    style: 'note',
    id: paperPageAnchor(index, page),
    noWrap: true,
    pageBreak: 'before',
    pageOrientation: paper.landscapePages?.includes(page) ? 'landscape' : 'portrait',
  };
}

export function papersSection(model: PackModel): Node[] {
  const papers = model.papers ?? [];
  const pages = papers.reduce((sum, p) => sum + p.pages, 0);
  const rows: Node[][] = papers.map((paper, index) => [
    td(paperNumber(paper), { style: 'ref' }),
    td(paper.title, { bold: true }),
    td(`${paper.itemPosition}. ${paper.itemTitle}`),
    td(String(paper.pages), { alignment: 'right' }),
    { text: [{ text: '00', pageReference: paperPageAnchor(index, 1) }], style: 'td', alignment: 'right' },
  ]);
  return [
    ...sectionOpening(
      'papers',
      'Papers for the meeting',
      `${papers.length === 1 ? 'One paper' : `${papers.length} papers`}, ${pagesLabel(pages)}, in agenda order. Each is reproduced as supplied, inside the pack's frame, after a divider page.`,
    ),
    ruledTable(
      [30, '*', 150, 36, 36],
      [th('No.'), th('Paper'), th('Agenda item'), th('Pages', 'right'), th('Page', 'right')],
      rows,
    ),
    ...papers.flatMap((paper, index) => [
      divider(paper, index),
      ...Array.from({ length: paper.pages }, (_, p) => placeholder(paper, index, p + 1)),
    ]),
  ];
}
