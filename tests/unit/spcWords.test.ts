// The sentence that says what a chart shows: the screen's text alternative and the pack's caption.
import { describe, expect, it } from 'vitest';
import { spcChart } from '../../shared/spc';
import { formatFigure, formatNumber, spcSentence } from '../../shared/spcWords';

const alternating = (count: number, first: number, second: number) =>
  Array.from({ length: count }, (_, i) => (i % 2 === 0 ? first : second));

describe('the chart in words', () => {
  it('names the month, the range and the signal: seven months below the mean is improvement', () => {
    // 460, 420 … for 17 months, then 412, 415 … for 7: mean 10,393 / 24 = 433.04; the limits
    // (± 2.66 × 30.7) hold every month, and the last 7 are below the mean.
    const values = [...alternating(17, 460, 420), ...alternating(7, 412, 415)];
    const chart = spcChart({ firstMonth: '2006-04', values, better: 'lower' });
    expect(spcSentence({ title: 'Knife-enabled offences', unit: 'count' }, chart)).toBe(
      'Knife-enabled offences: 412 in March 2008, within the normal range; 7 months below the mean: improvement.',
    );
  });

  it('says a month beyond the limits is above or below them, and says nothing twice', () => {
    const values = alternating(24, 8, 12);
    values[23] = 40;
    const chart = spcChart({ firstMonth: '2006-04', values, better: 'lower' });
    expect(spcSentence({ title: 'Homicide', unit: 'count' }, chart)).toBe(
      'Homicide: 40 in March 2008, above the upper limit: concern.',
    );
    expect(spcSentence({ title: 'Homicide', unit: 'count' }, chart, '2008-02')).toBe(
      'Homicide: 8 in February 2008, within the normal range; common cause variation, no signal.',
    );
  });

  it('says when limits are trial and whether the target will be met', () => {
    const chart = spcChart({
      firstMonth: '2007-04',
      values: alternating(8, 60, 64),
      better: 'higher',
      target: 85,
    });
    expect(spcSentence({ title: 'Homicide detection rate', unit: 'percent' }, chart)).toBe(
      'Homicide detection rate: 64% in November 2007, within the normal range; common cause variation, no signal; trial limits (fewer than 12 months); target 85%: will consistently fail the target.',
    );
  });

  it('says so when there are no figures', () => {
    const chart = spcChart({ firstMonth: '2007-04', values: [null, null], better: 'lower' });
    expect(spcSentence({ title: 'GBH', unit: 'count' }, chart)).toBe('GBH: no figures yet.');
  });

  it('writes figures the same way on every machine', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(-0.04)).toBe('0');
    expect(formatNumber(12.25, 1)).toBe('12.3');
    expect(formatFigure(33.333, 'percent')).toBe('33.3%');
    expect(formatFigure(4.125, 'rate', 1000)).toBe('4.13 per 1,000');
  });
});
