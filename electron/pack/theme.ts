// The pack's look in one place: page geometry, type scale, colours and table rules. Print-first:
// A4, calm grey-blue ink, colour used only for status, and every status also written as a word.
import type { ReportedStatus } from '../../shared/domain';
import {
  STATUS_COLOURS,
  STATUS_LABELS,
  MOVEMENT_MARKS,
  MOVEMENT_LABELS,
  type Movement,
} from '../../shared/status';
import type { DocDefinition, Inline, TableLayout, TextPart } from './content';
import { FONT } from './fonts';
import { fontRuns } from './fontRuns';

export const PAGE = { width: 595.28, height: 841.89 } as const;
/** Left, top, right, bottom: a 20 mm outer margin with room for the running header and footer. */
export const MARGINS: [number, number, number, number] = [57, 78, 57, 66];
export const CONTENT_WIDTH = PAGE.width - MARGINS[0] - MARGINS[2];

export const INK = {
  text: '#1d2330',
  muted: '#5d6676',
  faint: '#8b93a1',
  rule: '#d3d8e0',
  ruleStrong: '#1d2330',
  band: '#f3f5f8',
  accent: '#1f3a5f',
  marking: '#1d2330',
  watermark: '#b8141f',
} as const;

export const SIZE = {
  body: 9,
  small: 7.5,
  table: 8,
  h1: 20,
  h2: 12.5,
  h3: 9.5,
} as const;

export const STYLES: DocDefinition['styles'] = {
  h1: { fontSize: SIZE.h1, bold: true, color: INK.accent, margin: [0, 0, 0, 4], lineHeight: 1.1 },
  kicker: { fontSize: SIZE.small, bold: true, color: INK.muted, characterSpacing: 0.4, margin: [0, 0, 0, 2] },
  lede: { fontSize: 10, color: INK.muted, margin: [0, 0, 0, 16], lineHeight: 1.3 },
  h2: { fontSize: SIZE.h2, bold: true, color: INK.text, margin: [0, 14, 0, 6] },
  h3: { fontSize: SIZE.h3, bold: true, color: INK.accent, margin: [0, 10, 0, 4] },
  th: { fontSize: SIZE.small, bold: true, color: INK.muted, characterSpacing: 0.3 },
  td: { fontSize: SIZE.table, lineHeight: 1.2 },
  note: { fontSize: SIZE.small, color: INK.muted, lineHeight: 1.25 },
  ref: { fontSize: SIZE.table, bold: true, color: INK.accent },
};

/** Solid square for a status, hollow for "No update" (its colour is white on paper). */
export function statusMark(status: ReportedStatus): Inline {
  return status === 'no_update'
    ? { text: '□', font: FONT.symbols, color: INK.faint }
    : { text: '■', font: FONT.symbols, color: STATUS_COLOURS[status] };
}

/** Colour and word together, so a greyscale print is unambiguous. */
export function statusText(status: ReportedStatus, options: { bold?: boolean } = {}): TextPart[] {
  return [statusMark(status), { text: `\u00a0${STATUS_LABELS[status]}`, bold: options.bold ?? true }];
}

export function movementText(movement: Movement): TextPart[] {
  return [...fontRuns(MOVEMENT_MARKS[movement]), `\u00a0${MOVEMENT_LABELS[movement]}`];
}

/** Horizontal rules only: a strong rule under the header row, hairlines between rows. */
export const RULED: TableLayout = {
  hLineWidth: (i, node) => (i === 0 ? 0 : i === (node.table.headerRows ?? 0) ? 0.8 : 0.4),
  vLineWidth: () => 0,
  hLineColor: (i, node) => (i === (node.table.headerRows ?? 0) ? INK.ruleStrong : INK.rule),
  paddingLeft: (i) => (i === 0 ? 0 : 5),
  paddingRight: (i, node) => (i === node.table.widths.length - 1 ? 0 : 5),
  paddingTop: () => 3.5,
  paddingBottom: () => 3.5,
};

/** No lines at all: for layout grids such as the cover and the strand profile. */
export const PLAIN: TableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};
