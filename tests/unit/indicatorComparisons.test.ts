// The board's comparisons for a reporting month, worked by hand: same month last year, rolling 12
// against the previous 12, financial year to date against last year's, ratios of sums for
// percentages, gaps, and a comparison across a definition change saying so.
import { describe, expect, it } from 'vitest';
import {
  figuresFromRows,
  indicatorComparisons,
  periodFigure,
  yearStartOf,
  type FigureRow,
} from '../../shared/indicatorComparisons';
import { monthsBetween, type ReportingMonth } from '../../shared/months';

const count = { unit: 'count', better: 'lower' } as const;
const percent = { unit: 'percent', better: 'higher' } as const;

/** A count of 10 a month from April 2006 to March 2007, then 12 a month to March 2008. */
const homicides = figuresFromRows(
  monthsBetween('2006-04', '2008-03').map((month) => ({ month, value: month < '2007-04' ? 10 : 12 })),
);

describe('comparisons for a count', () => {
  const march = indicatorComparisons(homicides, { measure: count, yearStartMonth: '2007-04' }, '2008-03');

  it('sets this month against the same month last year', () => {
    expect(march.thisMonth.value).toBe(12);
    expect(march.sameMonthLastYear).toMatchObject({
      previous: { first: '2007-03', value: 10 },
      change: 2,
      percentChange: 20,
      movement: 'worse',
    });
  });

  it('sums rolling 12 months against the previous 12', () => {
    expect(march.rolling12.current).toMatchObject({ first: '2007-04', last: '2008-03', value: 144 });
    expect(march.rolling12.previous).toMatchObject({ first: '2006-04', last: '2007-03', value: 120 });
    expect(march.rolling12.percentChange).toBe(20);
  });

  it('counts the financial year from the plan’s start month', () => {
    const september = indicatorComparisons(
      homicides,
      { measure: count, yearStartMonth: '2007-04' },
      '2007-09',
    );
    expect(september.yearToDate.current).toMatchObject({ first: '2007-04', last: '2007-09', value: 72 });
    expect(september.yearToDate.previous).toMatchObject({ first: '2006-04', last: '2006-09', value: 60 });
    expect(september.yearToDate.movement).toBe('worse');
    expect(yearStartOf('2008-02', '2007-04')).toBe('2007-04');
    expect(yearStartOf('2008-04', '2007-04')).toBe('2008-04');
    expect(yearStartOf('2008-03', '2007-04')).toBe('2007-04');
    expect(yearStartOf('2007-12', '2007-01')).toBe('2007-01');
  });

  it('says a comparison that spans a definition change crosses it', () => {
    const settings = { measure: count, yearStartMonth: '2007-04', breaks: ['2007-10'] };
    const march = indicatorComparisons(homicides, settings, '2008-03');
    expect(march.sameMonthLastYear.acrossBreaks).toEqual(['2007-10']);
    expect(march.rolling12.acrossBreaks).toEqual(['2007-10']);
    expect(march.yearToDate.acrossBreaks).toEqual(['2007-10']);
    const september = indicatorComparisons(homicides, settings, '2007-09');
    expect(september.yearToDate.acrossBreaks).toEqual([]);
  });

  it('gives no period figure where a month is missing, and names the month', () => {
    const gappy = figuresFromRows(
      monthsBetween('2006-04', '2008-03')
        .filter((m) => m !== '2006-07')
        .map((month) => ({ month, value: 10 })),
    );
    const march = indicatorComparisons(gappy, { measure: count, yearStartMonth: '2007-04' }, '2008-03');
    expect(march.rolling12.previous).toMatchObject({ value: null, missing: ['2006-07'] });
    expect(march.rolling12.change).toBeNull();
    expect(march.rolling12.movement).toBeNull();
  });
});

describe('comparisons for a percentage', () => {
  // Detections out of offences. From April 2007, 11 months of 20 / 100 and one month (March 2008)
  // of 9 / 10: the year is 229 / 1,110 = 20.6306%, not the mean of the monthly rates, 25.8333%.
  const rows: FigureRow[] = monthsBetween('2006-04', '2008-03').map((month: ReportingMonth) => {
    if (month < '2007-04') return { month, value: 25, numerator: 25, denominator: 100 };
    if (month === '2008-03') return { month, value: 90, numerator: 9, denominator: 10 };
    return { month, value: 20, numerator: 20, denominator: 100 };
  });
  const detections = figuresFromRows(rows);
  const march = indicatorComparisons(detections, { measure: percent, yearStartMonth: '2007-04' }, '2008-03');

  it('divides the summed numerator by the summed denominator', () => {
    expect(march.rolling12.current.numerator).toBe(229);
    expect(march.rolling12.current.denominator).toBe(1110);
    expect(march.rolling12.current.value).toBeCloseTo(20.6306, 4);
    expect(march.yearToDate.current.value).toBeCloseTo(20.6306, 4);
  });

  it('gives the change in percentage points, with no relative change', () => {
    expect(march.rolling12.previous.value).toBe(25);
    expect(march.rolling12.change).toBeCloseTo(-4.3694, 4);
    expect(march.rolling12.percentChange).toBeNull();
    expect(march.rolling12.movement).toBe('worse');
  });

  it('takes a single month as recorded', () => {
    expect(march.thisMonth.value).toBe(90);
    expect(march.sameMonthLastYear.change).toBe(65);
    expect(march.sameMonthLastYear.movement).toBe('better');
  });

  it('needs the numerator and denominator of every month of a longer period', () => {
    const bare = figuresFromRows(rows.map(({ month, value }) => ({ month, value })));
    const period = periodFigure(bare, percent, '2007-04', '2007-06');
    expect(period.value).toBeNull();
    expect(period.missing).toEqual(['2007-04', '2007-05', '2007-06']);
  });

  it('scales a rate by what it is per', () => {
    const rate = figuresFromRows([
      { month: '2007-04', value: 2, numerator: 2, denominator: 1000 },
      { month: '2007-05', value: 4, numerator: 6, denominator: 1500 },
    ]);
    expect(periodFigure(rate, { unit: 'rate', per: 1000 }, '2007-04', '2007-05').value).toBeCloseTo(3.2, 10);
  });
});
