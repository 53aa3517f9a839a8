// The cells of the Performance summary: each figure written out, each comparison with an arrow for
// the way the number moved and a word for whether that is better, each variation and assurance as
// the chart's own mark and its words, so that nothing rests on colour alone.
import type { Comparison, PeriodFigure } from '../../../shared/indicatorComparisons';
import type { IndicatorTarget } from '../../../shared/indicator';
import { monthLabel } from '../../../shared/months';
import type { Assurance, Variation } from '../../../shared/spc';
import { VARIATION_COLOURS } from '../../../shared/spcMarks';
import { ASSURANCE_LABELS, VARIATION_LABELS, formatFigure, formatNumber } from '../../../shared/spcWords';
import type { CanvasNode, Inline, Node, TextNode, TextPart } from '../content';
import { markShape } from './spcChart';
import { FONT } from '../fonts';
import { fontRuns } from '../fontRuns';
import type { AnalysedIndicator, PackIndicator } from '../performance';
import { INK } from '../theme';

export const CELL_SIZE = 7;
const NOTE_SIZE = 6.3;

/** The same shape as the chart draws each variation with (shared/spcMarks), as a glyph. */
const VARIATION_GLYPHS: Record<Variation, string> = {
  common_cause: '●',
  special_cause_improvement: '◆',
  special_cause_concern: '■',
  special_cause_neutral_high: '▲',
  special_cause_neutral_low: '▼',
};

/** Pass, fail and a coin toss, as "Making Data Count" marks them: a tick, a cross, a question. */
const ASSURANCE_GLYPHS: Record<Assurance, { text: string; color: string }> = {
  consistent_pass: { text: '✓', color: VARIATION_COLOURS.special_cause_improvement },
  consistent_fail: { text: '✗', color: VARIATION_COLOURS.special_cause_concern },
  inconsistent: { text: '?', color: INK.muted },
};

const UNIT_WORDS = { count: 'count', percent: 'percentage', rate: 'rate' } as const;
const BETTER_WORDS = {
  lower: 'lower is better',
  higher: 'higher is better',
  neither: 'neither way is better',
};

/** Footnote mark for a comparison across a definition change. */
export const BREAK_MARK = '†';

function note(text: string, extra: Partial<Inline> = {}): Inline {
  return { text, fontSize: NOTE_SIZE, color: INK.muted, ...extra };
}

function cell(text: TextPart[], extra: Partial<TextNode> = {}): TextNode {
  return { text, style: 'td', fontSize: CELL_SIZE, lineHeight: 1.15, ...extra };
}

/** A figure without its unit's words (the indicator cell says the unit): "412", "33.2%", "4.12". */
export function bare(value: number, indicator: PackIndicator): string {
  if (indicator.unit === 'percent') return `${formatNumber(value, 1)}%`;
  if (indicator.unit === 'rate') return formatNumber(value, 2);
  return formatNumber(value, 1);
}

export function indicatorCell(indicator: PackIndicator): TextNode {
  const unit = indicator.unit === null ? '' : UNIT_WORDS[indicator.unit];
  const per =
    indicator.unit === 'rate' && indicator.per !== null ? ` per ${formatNumber(indicator.per, 0)}` : '';
  const better = indicator.better === null ? '' : `; ${BETTER_WORDS[indicator.better]}`;
  return cell([
    { text: `${indicator.ref}\u00a0\u00a0`, bold: true, color: INK.accent },
    ...fontRuns(indicator.title.replace(/\.$/, '')),
    '\n',
    note(`${unit}${per}${better}`),
  ]);
}

function missingWords(period: PeriodFigure): string {
  if (period.missing.length === 0) return 'not computable';
  if (period.missing.length === 1) return `no figure for ${monthLabel(period.missing[0])}`;
  return `${period.missing.length} months without a figure`;
}

export function thisMonthCell(a: AnalysedIndicator): TextNode {
  const figure = a.series.comparisons?.thisMonth ?? null;
  if (figure === null || figure.value === null) {
    const latest = a.latest;
    return latest === null
      ? cell([note('no figure')])
      : cell([
          note('no figure;\nlatest '),
          note(`${bare(latest.value, a.indicator)} in ${monthLabel(latest.month)}`),
        ]);
  }
  return cell([{ text: bare(figure.value, a.indicator), bold: true, fontSize: 8 }]);
}

const ARROWS = { up: '↑', down: '↓', same: '=' } as const;

/** "↓ 12.5% better" (a count or rate) or "↑ 3.1 points better" (a percentage). */
function changeWords(c: Comparison, indicator: PackIndicator): TextPart[] {
  if (c.change === null || c.movement === null) return [];
  const arrow = c.change > 0 ? ARROWS.up : c.change < 0 ? ARROWS.down : ARROWS.same;
  const size =
    indicator.unit === 'percent'
      ? `${formatNumber(Math.abs(c.change), 1)} pts`
      : c.percentChange === null
        ? bare(Math.abs(c.change), indicator)
        : `${formatNumber(Math.abs(c.percentChange), 1)}%`;
  const word = { better: 'better', worse: 'worse', unchanged: 'unchanged', up: 'up', down: 'down' }[
    c.movement
  ];
  const strong = c.movement === 'worse' ? INK.text : INK.muted;
  const amount = c.change === 0 ? '' : `${size} `;
  return [
    { text: arrow, font: arrow === ARROWS.same ? FONT.text : FONT.math, fontSize: NOTE_SIZE, color: strong },
    { text: `\u00a0${amount}${word}`, fontSize: NOTE_SIZE, color: strong, bold: c.movement === 'worse' },
  ];
}

function breakNote(c: Comparison): TextPart[] {
  if (c.acrossBreaks.length === 0) return [];
  const months = c.acrossBreaks.map((m) => monthLabel(m).replace(/^(\w{3})\w*/, '$1')).join(', ');
  return ['\n', note(`${BREAK_MARK} definition changed ${months}`, { color: INK.text })];
}

/** Same month last year: last year's figure, then how this month compares. */
export function lastYearCell(c: Comparison | null, indicator: PackIndicator): TextNode {
  if (c === null) return cell([note('—')]);
  if (c.previous.value === null) return cell([note(missingWords(c.previous)), ...breakNote(c)]);
  const change = changeWords(c, indicator);
  return cell([
    bare(c.previous.value, indicator),
    ...(change.length ? ['\n', ...change] : []),
    ...breakNote(c),
  ]);
}

/** A period against the same period before: "2,040 vs 2,190", then the change. */
export function periodCell(c: Comparison | null, indicator: PackIndicator): TextNode {
  if (c === null) return cell([note('—')]);
  if (c.current.value === null) return cell([note(missingWords(c.current)), ...breakNote(c)]);
  const now = bare(c.current.value, indicator);
  if (c.previous.value === null)
    return cell([now, '\n', note(`vs ${missingWords(c.previous)}`), ...breakNote(c)]);
  return cell([
    now,
    '\n',
    note(`vs ${bare(c.previous.value, indicator)}`),
    '\n',
    ...changeWords(c, indicator),
    ...breakNote(c),
  ]);
}

export function targetCell(target: IndicatorTarget | null, indicator: PackIndicator): TextNode {
  if (target === null) return cell([note('none')]);
  if (target.kind === 'value')
    return cell([indicator.unit === null ? String(target.value) : bare(target.value, indicator)]);
  const sign = target.percent < 0 ? '−' : '+';
  return cell([
    `${sign}${formatNumber(Math.abs(target.percent), 1)}%`,
    '\n',
    note(`on ${target.baselineNote}`),
  ]);
}

/** A mark in a narrow column of its own beside the words, so the words wrap under each other. */
function marked(mark: CanvasNode | TextNode, words: TextPart[]): Node {
  return {
    columns: [
      { ...mark, width: 10 },
      { width: '*', ...cell(words) },
    ],
    columnGap: 1,
  };
}

export function variationCell(a: AnalysedIndicator, month: string): Node {
  const latest = a.latest;
  if (latest === null) return cell([note('no figures yet')]);
  // The chart's own mark, a little larger, so the table and the charts read alike.
  const mark: CanvasNode = { canvas: [markShape(latest.variation, 4, 4.6, 1.6)] };
  const extra: TextPart[] = [];
  if (latest.month !== month) extra.push('\n', note(`at ${monthLabel(latest.month)}`));
  if (a.trial) extra.push('\n', note('trial limits (fewer than 12 months)'));
  const strong = latest.variation === 'special_cause_concern';
  return marked(mark, [{ text: VARIATION_LABELS[latest.variation], bold: strong }, ...extra]);
}

export function assuranceCell(a: AnalysedIndicator): Node {
  const chart = a.series.chart;
  if (chart === null || chart.target === null) {
    const why = a.indicator.target?.kind === 'change' ? 'a change target: not charted' : 'no target';
    return cell([note(why)]);
  }
  if (chart.assurance === null)
    return cell([note(a.indicator.better === 'neither' ? 'no direction is better' : 'no limits yet')]);
  const mark = ASSURANCE_GLYPHS[chart.assurance];
  const glyph: TextNode = {
    text: mark.text,
    font: mark.text === '?' ? FONT.text : FONT.symbols,
    color: mark.color,
    bold: true,
    fontSize: 7.5,
    lineHeight: 1,
  };
  const strong = chart.assurance === 'consistent_fail';
  return marked(glyph, [{ text: ASSURANCE_LABELS[chart.assurance], bold: strong }]);
}

/** The key to the marks in the table, in one line of words. */
export function tableKey(): TextNode {
  const item = (glyph: string, color: string, words: string, font: string = FONT.symbols): TextPart[] => [
    { text: glyph, font, color, fontSize: 7.5 },
    { text: `\u00a0${words}\u2003`, color: INK.muted },
  ];
  return {
    text: [
      ...item(VARIATION_GLYPHS.common_cause, VARIATION_COLOURS.common_cause, 'common cause'),
      ...item(
        VARIATION_GLYPHS.special_cause_improvement,
        VARIATION_COLOURS.special_cause_improvement,
        'improvement',
      ),
      ...item(VARIATION_GLYPHS.special_cause_concern, VARIATION_COLOURS.special_cause_concern, 'concern'),
      ...item(
        VARIATION_GLYPHS.special_cause_neutral_high,
        VARIATION_COLOURS.special_cause_neutral_high,
        'high',
      ),
      ...item(VARIATION_GLYPHS.special_cause_neutral_low, VARIATION_COLOURS.special_cause_neutral_low, 'low'),
      ...item(ASSURANCE_GLYPHS.consistent_pass.text, ASSURANCE_GLYPHS.consistent_pass.color, 'will pass'),
      ...item(ASSURANCE_GLYPHS.consistent_fail.text, ASSURANCE_GLYPHS.consistent_fail.color, 'will fail'),
      ...item('?', INK.muted, 'pass and fail at random', FONT.text),
    ],
    fontSize: NOTE_SIZE,
    margin: [0, 0, 0, 6],
  };
}

/** The figure and its unit in full, for the exceptions: "412", "33.2%", "4.12 per 1,000". */
export function fullFigure(value: number, indicator: PackIndicator): string {
  return indicator.unit === null
    ? String(value)
    : formatFigure(value, indicator.unit, indicator.per ?? undefined);
}
