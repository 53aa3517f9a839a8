// The Performance section: a summary of every indicator as at the reporting month (the comparisons
// the board reads, the variation and the assurance, each as a mark and in words), then per key
// outcome, and per strand for the measures that serve no outcome, small-multiple SPC charts drawn as
// vectors. Measures the board judged not countable are listed with why, not charted.
import { monthLabel } from '../../../shared/months';
import type { Node, StackNode, TableNode, TextNode } from '../content';
import { fontRuns, safeText } from '../fontRuns';
import type { PackModel } from '../model';
import { analysePerformance, type AnalysedIndicator } from '../performance';
import { presetFullWidth } from '../presetTables';
import { CONTENT_WIDTH, INK, RULED } from '../theme';
import { anchorOf, emptyNote, sectionOpening, th } from './common';
import {
  BREAK_MARK,
  assuranceCell,
  indicatorCell,
  lastYearCell,
  periodCell,
  tableKey,
  targetCell,
  thisMonthCell,
  variationCell,
} from './performanceCells';
import { spcChartNode, spcKeyNode } from './spcChart';

/** A group of indicators charted together: a key outcome, or a strand's own measures. */
export interface IndicatorGroup {
  anchor: string;
  title: string;
  members: AnalysedIndicator[];
}

const COLUMN_GAP = 18;
const AXIS_WIDTH = 26;
const PLOT_HEIGHT = 62;

/**
 * Each key outcome with every indicator that serves it (its own and the strands' measures), then
 * each strand's measures that serve no outcome: every indicator once, in the plan's order.
 */
export function indicatorGroups(model: PackModel, all: AnalysedIndicator[]): IndicatorGroup[] {
  const outcomes = [...model.plan.outcomes].sort((a, b) => a.number - b.number);
  const strands = [...model.strands].sort((a, b) => a.number - b.number);
  const known = new Set(outcomes.map((o) => o.number));
  const groups: IndicatorGroup[] = outcomes.map((o) => ({
    anchor: `performance-outcome-${o.number}`,
    title: `Key outcome ${o.number}: ${o.text}`,
    members: all.filter((a) => a.indicator.outcome === o.number),
  }));
  const rest = all.filter((a) => a.indicator.outcome === null || !known.has(a.indicator.outcome));
  for (const s of strands)
    groups.push({
      anchor: `performance-strand-${s.number}`,
      title: `Strand ${s.number}: ${s.title}`,
      members: rest.filter((a) => a.indicator.strand === s.number),
    });
  const placed = new Set(groups.flatMap((g) => g.members.map((m) => m.indicator.ref)));
  const unplaced = all.filter((a) => !placed.has(a.indicator.ref));
  if (unplaced.length)
    groups.push({ anchor: 'performance-other', title: 'Other indicators', members: unplaced });
  return groups.filter((g) => g.members.length > 0);
}

/** The agenda item the Performance section serves: the one linked to it, else to the exceptions. */
export function performanceItem(model: PackModel): { position: number; title: string } | null {
  const agenda = model.meeting.agenda;
  return (
    agenda.find((a) => a.packSection === 'performance') ??
    agenda.find((a) => a.packSection === 'exceptions') ??
    null
  );
}

function groupRow(group: IndicatorGroup): Node[] {
  // The row spans the whole table, and the table the whole text block (its outer paddings are 0).
  const title = presetFullWidth({
    text: safeText(group.title),
    style: 'td',
    bold: true,
    color: INK.accent,
    fontSize: 7.5,
    fillColor: INK.band,
    margin: [2, 1, 0, 1],
  });
  return [{ ...title, colSpan: 8 }, ...Array.from({ length: 7 }, (): Node => ({ text: '' }))];
}

function summaryRow(a: AnalysedIndicator, month: string): Node[] {
  const c = a.series.comparisons;
  if (a.latest === null) {
    const none: TextNode = {
      text: `No figures for ${monthLabel(month)} or before.`,
      style: 'note',
      italics: true,
      colSpan: 7,
    };
    return [indicatorCell(a.indicator), none, ...Array.from({ length: 6 }, (): Node => ({ text: '' }))];
  }
  return [
    indicatorCell(a.indicator),
    thisMonthCell(a),
    lastYearCell(c?.sameMonthLastYear ?? null, a.indicator),
    periodCell(c?.rolling12 ?? null, a.indicator),
    periodCell(c?.yearToDate ?? null, a.indicator),
    targetCell(a.indicator.target, a.indicator),
    variationCell(a, a.series.month ?? ''),
    assuranceCell(a),
  ];
}

const SUMMARY_WIDTHS = ['*', 30, 46, 48, 48, 28, 62, 66];

const SUMMARY_LAYOUT: TableNode['layout'] = {
  ...RULED,
  paddingLeft: (i) => (i === 0 ? 0 : 3),
  paddingRight: (i, node) => (i === node.table.widths.length - 1 ? 0 : 3),
  paddingTop: () => 2.5,
  paddingBottom: () => 2.5,
};

/**
 * The summary as one table per group, each kept on one page with its title (a group's title left
 * alone at the foot of a page reads badly, and pdfmake cannot keep one table row with the next);
 * the column headings head the first, and the columns line up because the widths are the same.
 */
function summaryTables(model: PackModel, groups: IndicatorGroup[]): Node[] {
  const short = monthLabel(model.reportingMonth).replace(/^(\w{3})\w*/, '$1');
  const header = [
    th('Indicator'),
    th(short),
    th('Same month last year'),
    th('Rolling 12 months vs previous 12'),
    th('Year to date vs last year'),
    th('Target'),
    th('Variation'),
    th('Assurance'),
  ].map((h): TextNode => ({ ...h, fontSize: 6.3 }));
  return groups.map((g, i): Node => {
    const body = [
      ...(i === 0 ? [header] : []),
      groupRow(g),
      ...g.members.map((m) => summaryRow(m, model.reportingMonth)),
    ];
    return {
      table: { widths: SUMMARY_WIDTHS, body, headerRows: i === 0 ? 1 : 0, dontBreakRows: true },
      layout: SUMMARY_LAYOUT,
      unbreakable: true,
    };
  });
}

function notes(all: AnalysedIndicator[]): Node[] {
  const across = all.some((a) => {
    const c = a.series.comparisons;
    return c !== null && [c.sameMonthLastYear, c.rolling12, c.yearToDate].some((x) => x.acrossBreaks.length);
  });
  const lines = [
    'A percentage or rate over several months is what was counted over what it was out of, summed across the months: never an average of monthly rates.',
    ...(across
      ? [
          `${BREAK_MARK} The indicator's definition changed within the months compared: the earlier figures were counted another way, so the comparison is of unlike figures. Its chart is rebased at the change.`,
        ]
      : []),
  ];
  return lines.map((text): Node => presetFullWidth({ text, style: 'note', margin: [0, 0, 0, 3] }));
}

function notCountedTable(uncounted: AnalysedIndicator[]): Node {
  if (uncounted.length === 0) return { text: '' };
  const rows = uncounted.map((a): Node[] => [
    { text: a.indicator.ref, style: 'ref', fontSize: 7.5 },
    { text: fontRuns(a.indicator.title), style: 'td', fontSize: 7.5 },
    {
      text: fontRuns(a.indicator.notes.join(' ') || 'The plan states no figure to count.'),
      style: 'td',
      fontSize: 7.5,
      color: INK.muted,
    },
  ]);
  return {
    stack: [
      presetFullWidth({ text: 'Measures not counted month by month', style: 'h3', margin: [0, 10, 0, 2] }),
      presetFullWidth({
        text: 'Success measures of the plan that state no figure the board could count: listed, not charted.',
        style: 'note',
        margin: [0, 0, 0, 4],
      }),
      {
        table: {
          widths: [40, 150, '*'],
          body: [[th('Ref'), th('Measure'), th('Why it is not counted')], ...rows],
          headerRows: 1,
          dontBreakRows: true,
        },
        layout: RULED,
      },
    ],
    margin: [0, 0, 0, 8],
  };
}

const PLOT_WIDTH = (CONTENT_WIDTH - COLUMN_GAP) / 2 - AXIS_WIDTH;

function chartOf(a: AnalysedIndicator): StackNode | TextNode {
  const chart = a.series.chart;
  const { indicator } = a;
  if (chart === null || indicator.unit === null) return { text: '' };
  return spcChartNode(
    {
      ref: indicator.ref,
      title: indicator.title.replace(/\.$/, ''),
      unit: indicator.unit,
      per: indicator.per ?? undefined,
    },
    chart,
    { width: PLOT_WIDTH, height: PLOT_HEIGHT },
  );
}

function chartRows(members: AnalysedIndicator[]): Node[] {
  const rows: Node[] = [];
  for (let i = 0; i < members.length; i += 2) {
    const pair = members.slice(i, i + 2);
    rows.push({
      columns: [0, 1].map((k): Node => {
        const member = pair[k];
        return member === undefined ? { width: '*', text: '' } : { ...chartOf(member), width: '*' };
      }),
      columnGap: COLUMN_GAP,
      unbreakable: true,
    });
  }
  return rows;
}

function groupCharts(group: IndicatorGroup): Node[] {
  const drawn = group.members.filter((m) => m.series.chart !== null && m.latest !== null);
  if (drawn.length === 0) return [];
  const heading = presetFullWidth({
    text: safeText(group.title),
    style: 'h2',
    id: group.anchor,
    outline: true,
    outlineText: group.title,
    outlineParentId: anchorOf('performance'),
    margin: [0, 10, 0, 6],
  });
  const [first, ...rest] = chartRows(drawn);
  return [{ stack: [heading, first], unbreakable: true }, ...rest];
}

function isText(node: Node): node is TextNode {
  return typeof node === 'object' && !Array.isArray(node) && 'text' in node;
}

export function performanceSection(model: PackModel): Node[] {
  const performance = model.performance;
  const month = monthLabel(model.reportingMonth);
  const item = performanceItem(model);
  const kicker = item ? `Item ${item.position} · ${item.title}` : 'Performance against the plan';
  if (!performance)
    return [...sectionOpening('performance', kicker), emptyNote(`No indicator has figures for ${month}.`)];
  const all = analysePerformance(performance, model.reportingMonth);
  const counted = all.filter((a) => a.indicator.countable);
  const uncounted = all.filter((a) => !a.indicator.countable);
  const groups = indicatorGroups(model, counted);
  const charted = counted.filter((a) => a.latest !== null).length;
  const lede = `${month}: ${charted} indicators with figures, each compared with the year before and charted by statistical process control, which tells a real change from the month-to-month noise and says whether a target will be met reliably.`;
  return [
    ...sectionOpening('performance', kicker, lede).map((node) =>
      isText(node) ? presetFullWidth(node) : node,
    ),
    presetFullWidth(tableKey()),
    ...summaryTables(model, groups),
    { text: '', margin: [0, 0, 0, 6] },
    ...notes(all),
    notCountedTable(uncounted),
    presetFullWidth({
      text: 'Charts',
      style: 'h2',
      pageBreak: 'before',
      id: 'performance-charts',
      margin: [0, 0, 0, 4],
    }),
    presetFullWidth({
      text: 'Each point is a month. The mean and the process limits (three sigma either side) are worked out per segment; a definition change starts a new segment. A point outside the limits, a run of 7 on one side of the mean, a trend of 7, or 2 of 3 close to a limit is special cause, marked by shape as well as colour. Under a chart, what it shows in words.',
      style: 'note',
      margin: [0, 0, 0, 6],
    }),
    spcKeyNode(),
    ...groups.flatMap(groupCharts),
  ];
}

/** The contents' entries under Performance: each group that has a chart. */
export function performanceContents(model: PackModel): { title: string; anchor: string }[] {
  if (!model.performance) return [];
  const counted = analysePerformance(model.performance, model.reportingMonth).filter(
    (a) => a.indicator.countable,
  );
  return indicatorGroups(model, counted)
    .filter((g) => g.members.some((m) => m.latest !== null))
    .map((g) => ({ title: g.title, anchor: g.anchor }));
}

/**
 * Under the agenda item that serves it (the one linked to the exceptions, when none is linked to
 * Performance itself), a line with the page the Performance section starts on.
 */
export function agendaPerformanceRows(model: PackModel, itemPosition: number): Node[][] {
  if (!model.edition.sections.includes('performance') || !model.performance) return [];
  const item = performanceItem(model);
  if (item === null || item.position !== itemPosition) return [];
  if (model.meeting.agenda.some((a) => a.packSection === 'performance')) return [];
  const blank = (): TextNode => ({ text: '', style: 'td' });
  return [
    [
      blank(),
      {
        text: [{ text: 'Performance: ', color: INK.muted }, 'indicators and SPC charts'],
        style: 'td',
      },
      blank(),
      blank(),
      {
        text: [{ text: '00', pageReference: anchorOf('performance') }],
        style: 'td',
        alignment: 'right',
      },
    ],
  ];
}
