// Demo figures for the built-in indicators: reproducible from the seed, marked demo, from two years
// before the plan to its end, with the signals the charts should find; removed again in one go.
import { describe, expect, it } from 'vitest';
import {
  DEMO_SIGNALS,
  demoIndicatorFigures,
  writeDemoIndicatorFigures,
} from '../../electron/demo/indicatorFigures';
import { loadBuiltInPlan } from '../../electron/store/planFile';
import { addMonths } from '../../shared/months';
import { indicatorApp } from './indicators.fixtures';

const plan = loadBuiltInPlan();
const start = plan.period.startMonth;

describe('demo indicator figures', () => {
  it('are the same for the same seed, for every countable indicator, from two years before the plan to its end', () => {
    const first = demoIndicatorFigures(plan, 2007);
    expect(demoIndicatorFigures(plan, 2007)).toEqual(first);
    expect(demoIndicatorFigures(plan, 2008)).not.toEqual(first);
    const countable = plan.indicators.filter((i) => i.countable).map((i) => i.ref);
    expect([...new Set(first.figures.map((f) => f.ref))]).toEqual(countable);
    const months = first.figures.filter((f) => f.ref === 'KO1').map((f) => f.month);
    expect([months[0], months.at(-1), months.length]).toEqual(['2005-04', '2009-03', 48]);
  });

  it('show a shift, an astronomical month and a rebase on the charts, and are removed again', async () => {
    const app = await indicatorApp();
    try {
      const written = await app.store.transaction((tx) =>
        writeDemoIndicatorFigures(tx, plan, 2007, 'Board Pack demo'),
      );
      expect(written).toEqual({ figures: 23 * 48, definitionChanges: 1 });
      expect((await app.store.indicators.currentFigures()).every((f) => f.source === 'demo')).toBe(true);

      const spike = await app.call('indicators.get', {
        ref: DEMO_SIGNALS.astronomical,
        month: addMonths(start, 4),
      });
      expect(spike.months.at(-1)?.variation).toBe('special_cause_concern');
      const shift = await app.call('indicators.get', {
        ref: DEMO_SIGNALS.shift,
        month: addMonths(start, 14),
      });
      expect(shift.months.slice(-3).map((m) => m.variation)).toEqual(
        Array(3).fill('special_cause_improvement'),
      );
      const rebased = await app.call('indicators.get', { ref: DEMO_SIGNALS.rebase });
      expect(rebased.definitionChanges.map((c) => c.month)).toEqual([addMonths(start, 9)]);
      expect(rebased.caption).toMatch(/Rebased January 2008: definition changed\./);

      const removed = await app.store.transaction((tx) => tx.indicators.removeDemo());
      expect(removed).toEqual({ figures: 23 * 48, definitionChanges: 1, indicators: 0 });
      expect(await app.store.indicators.count()).toBe(28);
    } finally {
      await app.close();
    }
  });
});
