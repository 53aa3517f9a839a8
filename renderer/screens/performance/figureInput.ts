// What a person types in a cell of the figures grid, read as a figure: "412", "1,204", or for a
// percentage or a rate "45/120" (numerator/denominator), so that rolling and year-to-date figures
// can be ratios of sums. A refusal is a sentence about that cell.
import { ratioScale, type IndicatorUnit } from '../../../shared/indicator';

export interface TypedFigure {
  value: number;
  numerator: number | null;
  denominator: number | null;
}

export type FigureReading = { ok: true; figure: TypedFigure } | { ok: false; message: string };

function numberOf(text: string): number | null {
  const cleaned = text.replace(/[,\s]/g, '').replace(/%$/, '').replace(/^−/, '-');
  if (cleaned === '' || !/^-?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** The ratio's value to two places: close enough for the store's check of value against n/d. */
const twoPlaces = (v: number) => Math.round(v * 100) / 100;

export function readFigure(text: string, unit: IndicatorUnit, per: number | null): FigureReading {
  const scale = ratioScale({ unit, per: per ?? undefined });
  const ratioHint = scale === null ? '' : ', or numerator/denominator such as 45/120';
  if (!text.includes('/')) {
    const value = numberOf(text);
    if (value === null) return { ok: false, message: `Type a number, such as 412${ratioHint}.` };
    return { ok: true, figure: { value, numerator: null, denominator: null } };
  }
  if (scale === null)
    return { ok: false, message: 'This is a count: type the number, not a numerator and denominator.' };
  const [top, bottom, ...rest] = text.split('/');
  const numerator = numberOf(top);
  const denominator = numberOf(bottom ?? '');
  if (rest.length > 0 || numerator === null || denominator === null)
    return { ok: false, message: 'Type the numerator and the denominator as two numbers, such as 45/120.' };
  if (numerator < 0) return { ok: false, message: 'The numerator is not negative.' };
  if (!(denominator > 0)) return { ok: false, message: 'The denominator is more than nothing.' };
  return {
    ok: true,
    figure: { value: twoPlaces((numerator / denominator) * scale), numerator, denominator },
  };
}

/** How a held figure is shown in its cell: as typed, n/d for a ratio. */
export function cellText(cell: TypedFigure | null): string {
  if (cell === null) return '';
  if (cell.numerator !== null && cell.denominator !== null) return `${cell.numerator}/${cell.denominator}`;
  return String(cell.value);
}
