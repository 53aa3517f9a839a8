// The XmR chart rules, each proved on a small series worked by hand (the arithmetic is in the
// comments), following NHSRplotthedots 0.2.2: limits, screening, the four special-cause rules and
// their precedence, which way a trend point points, segments, trial limits and the assurance.
import { describe, expect, it } from 'vitest';
import { spcChart, spcMonths, type SpcInput, type SpecialCauseRule } from '../../shared/spc';
import type { Better } from '../../shared/indicator';
import { seededRandom } from '../../electron/demo/random';

/** 10, 14, 10, 14 …: mean 12, every moving range 4, limits 12 ± 10.64, two sigma 12 ± 7.0933. */
const alternating = (count: number, low = 10, high = 14) =>
  Array.from({ length: count }, (_, i) => (i % 2 === 0 ? low : high));

const chartOf = (values: (number | null)[], better: Better = 'lower', extra: Partial<SpcInput> = {}) =>
  spcChart({ firstMonth: '2006-04', values, better, ...extra });

/** Positions flagged special cause, with their rule. */
const flagged = (rules: (SpecialCauseRule | null)[]) =>
  Object.fromEntries(rules.flatMap((r, i) => (r === null ? [] : [[i, r]])));

describe('XmR limits', () => {
  it('puts the centre at the mean and the limits 2.66 mean moving ranges either side', () => {
    const chart = chartOf(alternating(24));
    const [segment] = chart.segments;
    expect(segment.centre).toBe(12);
    expect(segment.lower).toBeCloseTo(12 - 2.66 * 4, 10);
    expect(segment.upper).toBeCloseTo(12 + 2.66 * 4, 10);
    expect(segment.nearUpper).toBeCloseTo(12 + (2 * 2.66 * 4) / 3, 10);
    expect(chart.variation.every((v) => v === 'common_cause')).toBe(true);
  });

  it('flags one astronomical month in steady noise, and screens its moving ranges out of the limits', () => {
    // 8, 12, 8, 12 … for 24 months with month 12 (an 8) replaced by 40.
    // Mean = (11 × 8 + 12 × 12 + 40) / 24 = 272 / 24 = 11.3333.
    // Moving ranges: 21 of 4 and two of 28; mean 140 / 23 = 6.087; 3.267 × 6.087 = 19.89, so both
    // 28s are left out and the mean moving range is 4: limits 11.3333 ± 10.64 = 0.6933 … 21.9733.
    const values = alternating(24, 8, 12);
    values[12] = 40;
    const chart = chartOf(values, 'lower');
    const [segment] = chart.segments;
    expect(segment.centre).toBeCloseTo(11.3333, 4);
    expect(segment.upper).toBeCloseTo(21.9733, 4);
    expect(segment.lower).toBeCloseTo(0.6933, 4);
    expect(flagged(chart.rule)).toEqual({ 12: 'above_upper_limit' });
    expect(chart.variation[12]).toBe('special_cause_concern');
    expect(chart.variation.filter((v) => v === 'common_cause')).toHaveLength(23);

    // Unscreened, the mean moving range is 6.087 and the upper limit 11.3333 + 16.1913 = 27.5246.
    const unscreened = chartOf(values, 'lower', { screenOutliers: false });
    expect(unscreened.segments[0].upper).toBeCloseTo(27.5246, 4);
  });

  it('has no limits for a perfectly flat baseline, as the package (every moving range screened out)', () => {
    const chart = chartOf([5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5]);
    expect(chart.segments[0]).toMatchObject({ centre: 5, lower: null, upper: null });
    expect(chart.variation.every((v) => v === 'common_cause')).toBe(true);
  });
});

describe('special cause rules', () => {
  it('flags a shift of 7 months on one side of the mean, and not one of 6', () => {
    // 13 months of 10, 14 … ending on 10, then 15, 16, 15, 16, 15, 16, 15.
    // Mean = (7 × 10 + 6 × 14 + 4 × 15 + 3 × 16) / 20 = 262 / 20 = 13.1; every 14, 15 and 16 is above it.
    // Moving ranges 12 × 4, 5, 6 × 1 = 59, mean 3.105: limits 13.1 ± 8.26, two sigma 13.1 ± 5.51 —
    // no month is near a limit, so the last 7 are special cause by the run rule alone.
    const shifted = [...alternating(13), 15, 16, 15, 16, 15, 16, 15];
    const chart = chartOf(shifted, 'higher');
    expect(chart.segments[0].centre).toBeCloseTo(13.1, 10);
    expect(flagged(chart.rule)).toEqual({
      13: 'run_above',
      14: 'run_above',
      15: 'run_above',
      16: 'run_above',
      17: 'run_above',
      18: 'run_above',
      19: 'run_above',
    });
    expect(chart.variation.slice(13)).toEqual(Array(7).fill('special_cause_improvement'));

    const six = chartOf(shifted.slice(0, 19), 'higher');
    expect(flagged(six.rule)).toEqual({});
  });

  it('flags a trend of 7 rising months, and not one of 6', () => {
    // 12 months of 10, 14 … then 9, 10, 11, 12, 13, 14, 15: six rises in a row.
    // Mean = (6 × 10 + 6 × 14 + 84) / 19 = 12; 9–11 below, 12 on it, 13–15 above: no run.
    // Moving ranges 11 × 4, 5, 6 × 1 = 55, mean 3.056: two sigma 12 ± 5.42, nothing near.
    const rising = [...alternating(12), 9, 10, 11, 12, 13, 14, 15];
    const chart = chartOf(rising, 'lower');
    expect(flagged(chart.rule)).toEqual(
      Object.fromEntries([12, 13, 14, 15, 16, 17, 18].map((i) => [i, 'trend_rising'])),
    );
    expect(chart.variation[18]).toBe('special_cause_concern');
    expect(flagged(chartOf(rising.slice(0, 18), 'lower').rule)).toEqual({});
  });

  it('points the month where a rising trend meets a falling one the way of the step after it', () => {
    // 0, 8 × 4, then 1 … 7 … 1. Mean 81 / 21 = 3.857; moving ranges 7 × 8, 7, 12 × 1 = 75,
    // mean 3.75: limits −6.12 … 13.83, two sigma −2.79 … 10.51, so only the trend rules fire
    // (4, 5, 6, 7, 6, 5, 4 are also 7 above the mean, but a trend outranks a run).
    const values = [0, 8, 0, 8, 0, 8, 0, 8, 1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1];
    const chart = chartOf(values, 'higher');
    const rules = flagged(chart.rule);
    expect(Object.keys(rules).map(Number)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect([8, 9, 10, 11, 12, 13].every((i) => rules[i] === 'trend_rising')).toBe(true);
    expect(rules[14]).toBe('trend_falling');
    expect(chart.variation[14]).toBe('special_cause_concern');
    expect(chart.variation[13]).toBe('special_cause_improvement');
  });

  it('flags two of three months beyond two sigma on the same side, and only those two', () => {
    // 16 months of 10, 14 …, then 22, 15, 22. Mean 251 / 19 = 13.2105; moving ranges
    // 15 × 4, 8, 7, 7 = 82, mean 4.5556: two sigma up to 21.289, limit 25.328. Both 22s lie
    // between them and 15 is above the mean, so the 22s are special cause; 15 is not.
    const values = [...alternating(16), 22, 15, 22];
    const chart = chartOf(values, 'higher');
    expect(chart.segments[0].nearUpper).toBeCloseTo(21.289, 3);
    expect(flagged(chart.rule)).toEqual({ 16: 'two_of_three_above', 18: 'two_of_three_above' });
    expect(chart.variation[16]).toBe('special_cause_improvement');
  });

  it('does not count a month beyond the limits towards two in three, as the package does not', () => {
    // 16 months of 10, 14 …, then 30, 15, 25. Mean 262 / 19 = 13.7895; moving ranges
    // 15 × 4, 16, 15, 10 = 101, mean 5.6111: limit 28.715, two sigma 23.740. 30 is outside, 25 is
    // near, but the window holds one near month only.
    const chart = chartOf([...alternating(16), 30, 15, 25], 'higher');
    expect(flagged(chart.rule)).toEqual({ 16: 'above_upper_limit' });
  });

  it('ranks outside the limits, then trend, then two in three, then a run (fixed baseline)', () => {
    // Baseline: the first 12 months, 10, 14 …: centre 12, limits 1.36 … 22.64, two sigma up to
    // 19.09. Then 16, 20 … for 12 months: all above the centre (a run), each 20 near the limit with
    // its neighbours above the centre (two in three), so the 20s are two in three and the 16s run;
    // the last baseline month (14) is above the centre too, so the run starts there.
    const values = [...alternating(12), ...alternating(12, 16, 20)];
    const chart = chartOf(values, 'higher', { baselinePoints: 12 });
    const [segment] = chart.segments;
    expect(segment).toMatchObject({ centre: 12, baselinePoints: 12, points: 24, trial: false });
    expect(segment.upper).toBeCloseTo(22.64, 10);
    const rules = flagged(chart.rule);
    for (let i = 12; i < 24; i++) expect(rules[i]).toBe(i % 2 === 0 ? 'run_above' : 'two_of_three_above');
    expect(rules[11]).toBe('run_above');
    expect(Object.keys(rules)).toHaveLength(13);
  });

  it('calls special cause high or low where neither direction is better', () => {
    const values = alternating(24, 8, 12);
    values[5] = 40;
    values[20] = -20;
    const chart = chartOf(values, 'neither');
    expect(chart.variation[5]).toBe('special_cause_neutral_high');
    expect(chart.variation[20]).toBe('special_cause_neutral_low');
  });

  it('refuses a fixed baseline of fewer than 12 points, as the package does', () => {
    expect(() => chartOf(alternating(24), 'lower', { baselinePoints: 6 })).toThrow(RangeError);
  });
});

describe('segments', () => {
  it('rebases the chart at a definition change, so a new level is not a signal', () => {
    // 12 months of 10, 14 … then, counted a new way from April 2007, 30, 34 …
    const values = [...alternating(12), ...alternating(12, 30, 34)];
    const rebased = chartOf(values, 'lower', { breaks: ['2007-04'] });
    expect(rebased.segments.map((s) => [s.firstMonth, s.lastMonth, s.centre, s.trial])).toEqual([
      ['2006-04', '2007-03', 12, false],
      ['2007-04', '2008-03', 32, false],
    ]);
    // The jump from 14 to 30 is no moving range of either segment.
    expect(rebased.segments[1].upper).toBeCloseTo(32 + 2.66 * 4, 10);
    expect(rebased.variation.every((v) => v === 'common_cause')).toBe(true);
    expect(spcMonths(rebased)[12]).toMatchObject({ month: '2007-04', value: 30, centre: 32 });

    const unbroken = chartOf(values, 'lower');
    expect(unbroken.variation.slice(12).every((v) => v === 'special_cause_concern')).toBe(true);
  });

  it('marks the limits of a segment with fewer than 12 months as trial', () => {
    const chart = chartOf([...alternating(14), 12, 11, 13, 12, 11, 12, 13, 12, 11, 12, 13], 'lower', {
      breaks: ['2007-06'],
    });
    expect(chart.segments.map((s) => [s.points, s.trial])).toEqual([
      [14, false],
      [11, true],
    ]);
  });

  it('skips a month with no figure: no variation, and no break in a run', () => {
    const values: (number | null)[] = [...alternating(13), 15, 16, 15, null, 16, 15, 16, 15];
    const chart = chartOf(values, 'higher');
    expect(chart.variation[16]).toBeNull();
    expect(chart.rule.slice(13)).toEqual([
      'run_above',
      'run_above',
      'run_above',
      null,
      'run_above',
      'run_above',
      'run_above',
      'run_above',
    ]);
  });
});

describe('assurance', () => {
  const steady = alternating(24); // limits 1.36 … 22.64
  const assurance = (target: number | null, better: Better) => chartOf(steady, better, { target }).assurance;

  it('will consistently pass when the target is beyond the limits on the good side', () => {
    expect(assurance(25, 'lower')).toBe('consistent_pass');
    expect(assurance(0, 'higher')).toBe('consistent_pass');
  });

  it('will consistently fail when the target is beyond the limits on the bad side', () => {
    expect(assurance(25, 'higher')).toBe('consistent_fail');
    expect(assurance(0, 'lower')).toBe('consistent_fail');
  });

  it('will pass and fail at random when the target is inside the limits', () => {
    expect(assurance(12, 'higher')).toBe('inconsistent');
  });

  it('says nothing without a target, where neither direction is better, or without limits', () => {
    expect(assurance(null, 'higher')).toBeNull();
    expect(assurance(25, 'neither')).toBeNull();
    expect(chartOf([5], 'higher', { target: 4 }).assurance).toBeNull();
  });

  it('judges the target against the latest segment', () => {
    // Limits 1.36 … 22.64 before the break, 21.36 … 42.64 after: 15 is inside the first only.
    const values = [...alternating(12), ...alternating(12, 30, 34)];
    expect(chartOf(values, 'lower', { target: 15, breaks: ['2007-04'] }).assurance).toBe('consistent_fail');
    expect(chartOf(values.slice(0, 12), 'lower', { target: 15 }).assurance).toBe('inconsistent');
  });
});

/** Standard normal draws from a seeded uniform source (Box–Muller). */
function normals(seed: number, count: number): number[] {
  const unit = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const u = 1 - unit();
    const v = unit();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  });
}

function shuffle<T>(items: T[], unit: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(unit() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const isShift = (r: SpecialCauseRule | null) => r === 'run_above' || r === 'run_below';

describe('property: shuffling common-cause noise', () => {
  it('never invents a shift when months are shuffled within their side of the mean', () => {
    let tested = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const length = 24 + (seed % 37);
      const values = normals(seed, length).map((z) => 100 + 8 * z);
      const original = chartOf(values, 'lower');
      if (original.rule.some((r) => r !== null)) continue; // only series that are noise throughout
      tested += 1;
      const centre = original.segments[0].centre!;
      const unit = seededRandom(seed * 7919);
      const above = shuffle(
        values.filter((v) => v > centre),
        unit,
      );
      const below = shuffle(
        values.filter((v) => v <= centre),
        unit,
      );
      const permuted = values.map((v) => (v > centre ? above.pop()! : below.pop()!));
      const chart = chartOf(permuted, 'lower');
      expect(chart.segments[0].centre).toBeCloseTo(centre, 9);
      expect(chart.rule.some(isShift), `seed ${seed}`).toBe(false);
    }
    expect(tested).toBeGreaterThan(100);
  });

  it('flags a shift in any shuffle only where 7 or more months in a row lie on one side', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const values = normals(seed, 48).map((z) => 50 + 5 * z);
      const permuted = shuffle(values, seededRandom(seed + 1_000_003));
      const chart = chartOf(permuted, 'higher');
      const centre = chart.segments[0].centre!;
      expect(chart.segments[0].centre).toBeCloseTo(chartOf(values, 'higher').segments[0].centre!, 9);
      const side = permuted.map((v) => Math.sign(v - centre));
      chart.rule.forEach((r, i) => {
        if (!isShift(r)) return;
        let from = i;
        while (from > 0 && side[from - 1] === side[i]) from -= 1;
        let to = i;
        while (to + 1 < side.length && side[to + 1] === side[i]) to += 1;
        expect(to - from + 1, `seed ${seed}, month ${i}`).toBeGreaterThanOrEqual(7);
      });
    }
  });
});
