// A malformed plan file is refused before anything reaches the database, with where and what is wrong.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_PLAN_PATH, loadPlanFile, parsePlan } from '../../electron/store/planFile';
import { openStore } from '../../electron/store/store';
import { fixedClock, tempDir } from '../fixtures/databases';

const builtIn = () =>
  JSON.parse(readFileSync(BUILT_IN_PLAN_PATH, 'utf8')) as Record<string, unknown> & {
    strands: { themes: { objectives: Record<string, unknown>[] }[] }[];
  };

describe('plan files', () => {
  it('refuses text that is not JSON', () => {
    expect(() => parsePlan('{"title": "Serious Violence", ', 'broken.json')).toThrow(
      expect.objectContaining({
        code: 'invalid_plan',
        message: expect.stringMatching(/^The plan file broken.json is not valid JSON/),
      }),
    );
  });

  it('names the broken field of a plan file', () => {
    const plan = builtIn();
    plan.strands[1].themes[0].objectives[2].year = 'Year 3';
    const path = join(tempDir(), 'plan.json');
    writeFileSync(path, JSON.stringify(plan));
    expect(() => loadPlanFile(path)).toThrow(
      expect.objectContaining({
        code: 'invalid_plan',
        message: expect.stringContaining('at strands.1.themes.0.objectives.2.year'),
      }),
    );
  });

  it('refuses a month that is not YYYY-MM in the plan period', () => {
    const plan = builtIn();
    plan.period = { startMonth: 'April 2007', endMonth: '2009-03' };
    expect(() => parsePlan(JSON.stringify(plan), 'plan.json')).toThrow(
      expect.objectContaining({
        code: 'invalid_plan',
        message: expect.stringContaining('period.startMonth'),
      }),
    );
  });

  it('refuses an objective filed under the wrong strand', () => {
    const plan = builtIn();
    plan.strands[0].themes[0].objectives[0].ref = '2.I.1';
    expect(() => parsePlan(JSON.stringify(plan), 'plan.json')).toThrow(
      expect.objectContaining({ code: 'invalid_plan' }),
    );
  });

  it('seeds nothing when the plan is refused', async () => {
    const dir = tempDir();
    const path = join(dir, 'plan.json');
    writeFileSync(path, '{ not json');
    await expect(
      Promise.resolve().then(() =>
        openStore(join(dir, 'board.db'), { clock: fixedClock(), seedPlan: loadPlanFile(path) }),
      ),
    ).rejects.toThrow(expect.objectContaining({ code: 'invalid_plan' }));
    expect(existsSync(join(dir, 'board.db'))).toBe(false);
  });
});
