// The printed chase list: a clean A4 page per strand lead with what the strand still owes for the
// month and the date the pack must be issued by. Laid out with the pack's own theme, fonts and
// tables, and as deterministic: the same list gives the same bytes.
import { createHash } from 'node:crypto';
import { OWED_LABELS, type ChaseLead, type ChaseList } from '../../shared/contractChase';
import { dateLabel, monthLabel } from '../../shared/months';
import type { DocDefinition, Node, TextPart } from './content';
import { FONT, pdfmakeReady } from './fonts';
import { fontRuns, safeText } from './fontRuns';
import { inlineStyles } from './inlineStyles';
import { presetTables } from './presetTables';
import { ruledTable, th } from './sections/common';
import { INK, MARGINS, SIZE, STYLES } from './theme';

export interface RenderedChaseList {
  pdf: Buffer;
  pages: number;
  sha256: string;
}

function deadline(list: ChaseList): TextPart[] {
  if (!list.issueBy || !list.meeting) return [{ text: list.issueByRule, color: INK.muted }];
  return [
    { text: 'Pack to be issued by\u2002', bold: true, color: INK.muted },
    { text: dateLabel(list.issueBy), bold: true },
    { text: `\u2002·\u2002meeting on ${dateLabel(list.meeting.heldAt)}`, color: INK.muted },
  ];
}

function leadPage(list: ChaseList, lead: ChaseLead, first: boolean): Node[] {
  const nodes: Node[] = [
    {
      text: `CHASE LIST · ${monthLabel(list.month).toUpperCase()}`,
      style: 'kicker',
      ...(first ? {} : { pageBreak: 'before' as const }),
    },
    { text: fontRuns(`Strand ${lead.strandNumber}: ${lead.strandTitle}`), style: 'h1' },
    {
      text: [{ text: 'Lead\u2002', bold: true, color: INK.muted }, ...fontRuns(lead.contact.name)],
      fontSize: 10,
      margin: [0, 2, 0, 4],
    },
    { text: deadline(list), fontSize: SIZE.body, margin: [0, 0, 0, 14] },
  ];
  if (lead.objectives.length) {
    const rows = lead.objectives.map((o): Node[] => [
      { text: o.ref, style: 'ref' },
      { text: fontRuns(o.text), style: 'td' },
      {
        text: [
          { text: OWED_LABELS[o.state], bold: true },
          ...(o.comment
            ? [{ text: '\n', fontSize: 7 }, ...fontRuns(o.comment, { fontSize: 7, color: INK.muted })]
            : []),
        ],
        style: 'td',
      },
    ]);
    nodes.push(
      ruledTable(
        [40, '*', 110],
        [th('Ref'), th('Objective'), th('Owed')],
        rows,
        `Objectives without an update for ${monthLabel(list.month)} (${lead.objectives.length})`,
      ),
    );
  }
  if (lead.indicators.length) {
    nodes.push(
      ruledTable(
        [40, '*'],
        [th('Ref'), th('Indicator')],
        lead.indicators.map((i): Node[] => [
          { text: i.ref, style: 'ref' },
          { text: fontRuns(i.title), style: 'td' },
        ]),
        `Indicators with no figure for ${monthLabel(list.month)} (${lead.indicators.length})`,
      ),
    );
  }
  nodes.push({
    text: 'A draft counts once it is submitted. Updates can come back as a return file or be recorded by the secretariat.',
    style: 'note',
    margin: [0, 4, 0, 0],
  });
  return nodes;
}

function nothingOwed(list: ChaseList): Node[] {
  return [
    { text: `CHASE LIST · ${monthLabel(list.month).toUpperCase()}`, style: 'kicker' },
    { text: 'Nothing is owed', style: 'h1' },
    { text: deadline(list), margin: [0, 4, 0, 10] },
    { text: `Every strand has reported for ${monthLabel(list.month)}.`, style: 'lede' },
  ];
}

export function chaseListDefinition(
  list: ChaseList,
  options: { marking: string },
  pageCount: { value: number },
): DocDefinition {
  const nodes = list.leads.length
    ? list.leads.flatMap((lead, i) => leadPage(list, lead, i === 0))
    : nothingOwed(list);
  const marking = safeText(options.marking.toUpperCase());
  const date = new Date(`${list.month}-01T00:00:00Z`);
  const title = `Chase list for ${monthLabel(list.month)}`;
  return {
    pageSize: 'A4',
    pageMargins: MARGINS,
    info: {
      title: `${list.boardName}: ${title.toLowerCase()}`,
      author: list.boardName,
      subject: `Updates still owed per strand lead for ${monthLabel(list.month)}`,
      keywords: [options.marking, list.boardName, monthLabel(list.month), 'chase list'].join('; '),
      creator: 'Board Pack',
      producer: 'Board Pack (pdfmake)',
      creationDate: date,
      modDate: date,
    },
    content: nodes.map((node) => presetTables(inlineStyles(node, STYLES))),
    header: (): Node => ({
      margin: [MARGINS[0], 22, MARGINS[2], 0],
      stack: [
        { text: marking, alignment: 'center', bold: true, fontSize: 8, color: INK.marking },
        {
          columns: [
            { text: safeText(list.boardName), fontSize: 7.5, color: INK.muted, width: '*' },
            { text: title, fontSize: 7.5, color: INK.muted, alignment: 'right', width: 'auto' },
          ],
          margin: [0, 10, 0, 0],
        },
      ],
    }),
    footer: (currentPage: number, count: number): Node => {
      pageCount.value = count;
      return {
        margin: [MARGINS[0], 16, MARGINS[2], 0],
        columns: [
          { text: title, fontSize: 7.5, color: INK.muted, width: '*' },
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
    defaultStyle: { font: FONT.text, fontSize: SIZE.body, lineHeight: 1.2, color: INK.text },
    styles: {},
    language: 'en-GB',
  };
}

export async function renderChaseList(
  list: ChaseList,
  options: { marking: string },
): Promise<RenderedChaseList> {
  const pageCount = { value: 0 };
  const pdf = await pdfmakeReady()
    .createPdf(chaseListDefinition(list, options, pageCount))
    .getBuffer();
  return { pdf, pages: pageCount.value, sha256: createHash('sha256').update(pdf).digest('hex') };
}
