// What every page carries: the protective marking centred at top and bottom, the board and meeting
// date, "Page X of Y", the pack version and its printed reference (shared/packWords), the identifier
// the screen, Verify and `pack list` show too.
import { packReference, referenceText } from '../../shared/packWords';
import type { DocDefinition, Node } from './content';
import { safeText } from './fontRuns';
import { INK, MARGINS } from './theme';

export interface FrameText {
  marking: string;
  boardName: string;
  meetingDate: string;
  edition: string;
  hash: string;
}

export function pageFrame(
  frame: FrameText,
  pageCount: { value: number },
): Pick<DocDefinition, 'header' | 'footer'> {
  const marking = safeText(frame.marking.toUpperCase());
  return {
    // pdfmake passes the page's size: a landscape page (a paper's landscape page) gets a longer rule.
    header: (_page: number, _count: number, pageSize?: { width: number }): Node => ({
      margin: [MARGINS[0], 22, MARGINS[2], 0],
      stack: [
        { text: marking, alignment: 'center', bold: true, fontSize: 8, color: INK.marking },
        {
          columns: [
            { text: safeText(frame.boardName), fontSize: 7.5, color: INK.muted, width: '*' },
            { text: frame.meetingDate, fontSize: 7.5, color: INK.muted, alignment: 'right', width: 'auto' },
          ],
          margin: [0, 10, 0, 0],
        },
        {
          canvas: [
            {
              type: 'line',
              x1: 0,
              y1: 4,
              x2: (pageSize?.width ?? 595.28) - MARGINS[0] - MARGINS[2],
              y2: 4,
              lineColor: INK.rule,
              lineWidth: 0.5,
            },
          ],
        },
      ],
    }),
    footer: (currentPage: number, count: number): Node => {
      pageCount.value = count;
      return {
        margin: [MARGINS[0], 16, MARGINS[2], 0],
        columns: [
          {
            text: `${frame.edition} · ${referenceText(packReference(frame.hash))}`,
            fontSize: 7.5,
            color: INK.muted,
            width: '*',
          },
          { text: marking, alignment: 'center', bold: true, fontSize: 8, color: INK.marking, width: 'auto' },
          {
            text: `Page ${currentPage} of ${count}`,
            fontSize: 7.5,
            color: INK.muted,
            alignment: 'right',
            width: '*',
          },
        ],
      };
    },
  };
}
