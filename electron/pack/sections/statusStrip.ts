// The compact strip of an objective's last months in a strand report: a mark and a letter per
// month (a filled square in the status colour and C, G, A, R or N; a hollow square for No update),
// so it reads in greyscale by the letters alone. Drawn as text runs inside the status cell: no
// extra node for pdfmake to measure.
import { addMonths, monthLabel, type ReportingMonth } from '../../../shared/months';
import { STATUS_STRIP_LETTERS } from '../../../shared/statusStrip';
import type { TextPart } from '../content';
import type { PackObjective } from '../model';
import { FONT } from '../fonts';
import { INK } from '../theme';
import { STATUS_COLOURS } from '../../../shared/status';

const STRIP_SIZE = 6.5;

/** "May–Oct": the months the strip covers, as its caption. */
function caption(recent: number, month: ReportingMonth): string {
  const first = monthLabel(addMonths(month, -(recent - 1))).slice(0, 3);
  return recent > 1 ? `${first}–${monthLabel(month).slice(0, 3)}` : monthLabel(month).slice(0, 3);
}

export function statusStrip(o: PackObjective, month: ReportingMonth): TextPart[] {
  if (o.recent.length === 0) return [];
  // No spaces between months: the line never breaks inside the strip, and each letter closes its month.
  const marks = o.recent.flatMap((status): TextPart[] => {
    if (status === 'no_update')
      return [
        { text: '□', font: FONT.symbols, color: INK.faint, fontSize: STRIP_SIZE, noWrap: true },
        // The gap in the text font: the symbols font has no thin space.
        { text: '\u2009', fontSize: STRIP_SIZE, noWrap: true },
      ];
    return [
      { text: '■', font: FONT.symbols, color: STATUS_COLOURS[status], fontSize: STRIP_SIZE, noWrap: true },
      {
        text: `${STATUS_STRIP_LETTERS[status]}\u2009`,
        bold: true,
        fontSize: STRIP_SIZE,
        color: INK.text,
        noWrap: true,
      },
    ];
  });
  return [
    { text: `\n${caption(o.recent.length, month)}\n`, fontSize: STRIP_SIZE, color: INK.muted },
    ...marks,
  ];
}
