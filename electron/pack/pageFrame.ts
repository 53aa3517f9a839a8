// What every page carries: the protective marking centred at top and bottom, the board and meeting
// date, "Page X of Y", the pack version and its printed reference (shared/packWords), the identifier
// the screen, Verify and `pack list` show too.
import { packReference, referenceText } from '../../shared/packWords';
import type { CanvasNode, ColumnsNode, DocDefinition, Node, TextNode } from './content';
import { safeText } from './fontRuns';
import { INK, MARGINS } from './theme';

export interface FrameText {
  marking: string;
  boardName: string;
  meetingDate: string;
  edition: string;
  hash: string;
}

/** The header's rule, as wide as the page's text block (longer on a landscape paper page). */
function rule(pageWidth: number): CanvasNode {
  return {
    canvas: [
      {
        type: 'line',
        x1: 0,
        y1: 4,
        x2: pageWidth - MARGINS[0] - MARGINS[2],
        y2: 4,
        lineColor: INK.rule,
        lineWidth: 0.5,
      },
    ],
  };
}

/**
 * The page frame. The words that are the same on every page are one set of nodes, which pdfmake
 * lays out again for each page (as it lays out the whole document again when it has to): pdfmake
 * keeps every node it laid out until the last page is drawn, and new nodes for each of a thousand
 * pages held some 15 MB. The rule is new on each page, as pdfmake moves a vector into place by
 * changing its coordinates; so is every container, and the page number.
 */
export function pageFrame(
  frame: FrameText,
  pageCount: { value: number },
  numbered = true,
): Pick<DocDefinition, 'header' | 'footer'> {
  const marking = safeText(frame.marking.toUpperCase());
  const headerMarking: TextNode = {
    text: marking,
    alignment: 'center',
    bold: true,
    fontSize: 8,
    color: INK.marking,
  };
  const boardAndDate: ColumnsNode = {
    columns: [
      { text: safeText(frame.boardName), fontSize: 7.5, color: INK.muted, width: '*' },
      { text: frame.meetingDate, fontSize: 7.5, color: INK.muted, alignment: 'right', width: 'auto' },
    ],
    margin: [0, 10, 0, 0],
  };
  const edition: TextNode = {
    text: `${frame.edition} · ${referenceText(packReference(frame.hash))}`,
    fontSize: 7.5,
    color: INK.muted,
    width: '*',
  };
  const footerMarking: TextNode = {
    text: marking,
    alignment: 'center',
    bold: true,
    fontSize: 8,
    color: INK.marking,
    width: 'auto',
  };
  return {
    // pdfmake passes the page's size: a landscape page (a paper's landscape page) gets a longer rule.
    header: (_page: number, _count: number, pageSize?: { width: number }): Node => ({
      margin: [MARGINS[0], 22, MARGINS[2], 0],
      stack: [headerMarking, boardAndDate, rule(pageSize?.width ?? 595.28)],
    }),
    footer: (currentPage: number, count: number): Node => {
      pageCount.value = count;
      return {
        margin: [MARGINS[0], 16, MARGINS[2], 0],
        columns: [
          edition,
          footerMarking,
          numbered ? pageNumber(currentPage, count) : { text: '', width: '*' },
        ],
      };
    },
  };
}

/** "Page X of Y", at the right of the footer. */
function pageNumber(currentPage: number, count: number): TextNode {
  return {
    text: `Page ${currentPage} of ${count}`,
    fontSize: 7.5,
    color: INK.muted,
    alignment: 'right',
    width: '*',
  };
}

/**
 * A document of nothing but the page numbers, set exactly where the frame's footer sets them, one
 * page for each of `sizes`: drawn over a pack laid out in parts (join.ts), whose parts leave them out.
 */
export function pageNumbers(
  sizes: { width: number; height: number }[],
  base: Pick<DocDefinition, 'pageSize' | 'pageMargins' | 'defaultStyle' | 'styles' | 'info'>,
): DocDefinition {
  return {
    ...base,
    content: sizes.map((size, i): TextNode => ({
      text: '',
      pageOrientation: size.width > size.height ? 'landscape' : 'portrait',
      ...(i > 0 ? { pageBreak: 'before' as const } : {}),
    })),
    header: () => '',
    footer: (currentPage: number, count: number): Node => ({
      margin: [MARGINS[0], 16, MARGINS[2], 0],
      columns: [{ text: '', width: '*' }, pageNumber(currentPage, count)],
    }),
  };
}
