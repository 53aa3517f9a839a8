// The Performance screen in Chromium against the bridge: a month of a strand's figures entered by
// keyboard alone (a percentage as numerator/denominator), a refusal tied to its cell in words, the
// chart and its text alternative following what was typed, Home's count of concerns, and axe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, monthLabel } from '../../shared/months';
import { openApp, seriousViolations, type AppUnderTest } from './harness';
import { tabTo } from './keyboard';

let app: AppUnderTest;
let month = '';

/** Twenty months of a steady detection rate near 70%, a little noise and no signal, before `last`. */
async function seedSteadyRates(ref: string, last: string): Promise<void> {
  const noise = [1, -2, 0, 2, -1, 1, -1, 0, 2, -2, 1, 0, -1, 2, -2, 0, 1, -1, 0, 1];
  for (const [i, wobble] of noise.entries()) {
    const figure = 70 + wobble;
    await app.store.indicators.setFigure(
      {
        ref,
        month: addMonths(last, i - noise.length),
        value: figure,
        numerator: figure,
        denominator: 100,
        note: '',
        source: 'typed',
        author: 'Test',
      },
      '2008-01-01T09:00:00Z',
    );
  }
}

beforeAll(async () => {
  app = await openApp({ now: '2008-03-20T09:00:00Z' });
  month = await app.page.inputValue('#reporting-month');
  await seedSteadyRates('S6.M1', month);
  await seedSteadyRates('S6.M2', month);
});

afterAll(async () => {
  await app?.close();
});

const cell = (ref: string, m: string) => `input.figure-input[data-ref="${ref}"][data-month="${m}"]`;

describe('performance screen', () => {
  it('takes a month of figures by keyboard, refuses a bad one in words and redraws the chart', async () => {
    const { page, store } = app;
    await app.goto('#/performance/S6.M1');
    await page.waitForSelector('[data-ready="indicator"] [data-testid="figure-grid"][data-ready="true"]');
    expect(await page.textContent('.spc-chart figcaption')).toContain(monthLabel(addMonths(month, -1)));

    // Tab into the grid, to this month's first cell, and type the month across the strand.
    await tabTo(page, cell('S6.M1', month), 200);
    await page.keyboard.type('45/50');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-ref'))).toBe('S6.M2');
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    const refusal = await page.waitForSelector('[data-testid="figure-errors"] li');
    expect(await refusal.textContent()).toMatch(/^S6\.M2, March 2008: Type a number/);
    const input = await page.$(cell('S6.M2', month));
    expect(await input?.getAttribute('aria-invalid')).toBe('true');
    expect(await input?.getAttribute('aria-describedby')).toBe(await refusal.getAttribute('id'));

    // Enter on the grid's last month stays put; ↑ goes to the month before and ↓ comes back to the
    // refused cell with its text selected, so typing replaces it.
    const focusedMonth = () => page.evaluate(() => document.activeElement?.getAttribute('data-month'));
    expect(await focusedMonth()).toBe(month);
    await page.keyboard.press('ArrowUp');
    expect(await focusedMonth()).toBe(addMonths(month, -1));
    await page.keyboard.press('ArrowDown');
    expect(await focusedMonth()).toBe(month);
    await page.keyboard.type('71');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="figure-errors"]:not(:has(li))', { state: 'attached' });

    await expect
      .poll(
        async () => (await store.indicators.currentFigures({ refs: ['S6.M1', 'S6.M2'], from: month })).length,
      )
      .toBe(2);
    const saved = await store.indicators.currentFigures({ refs: ['S6.M1', 'S6.M2'], from: month });
    expect(saved.map((f) => [f.ref, f.value, f.numerator, f.denominator, f.source])).toEqual([
      ['S6.M1', 90, 45, 50, 'typed'],
      ['S6.M2', 71, null, null, 'typed'],
    ]);

    // The chart and its words follow: 90% is far above 20 months near 70%.
    await expect
      .poll(() => page.textContent('.spc-chart figcaption'))
      .toMatch(/: 90% in March 2008, above the upper limit: improvement; .*target 85%/);
    const svg = await page.$('.spc-chart svg[role="img"]');
    const describedBy = await svg?.getAttribute('aria-describedby');
    expect(await page.textContent(`[id="${describedBy}"]`)).toContain('90% in March 2008');
    expect(await page.textContent('[data-testid="figures-table"] tbody tr:first-child')).toContain(
      '45 of 50',
    );
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lists every indicator with its words, and a measure that is not counted with its note', async () => {
    const { page, store } = app;
    await app.goto('#/performance');
    await page.waitForSelector(
      '[data-ready="performance"] [data-testid="indicator-list"][data-complete="true"]',
    );
    const refs = await page.$$eval('[data-testid="indicator-list"] tr[data-ref]', (rows) =>
      rows.map((r) => r.getAttribute('data-ref')),
    );
    expect(refs.sort()).toEqual((await store.indicators.list({})).map((i) => i.ref).sort());
    const improved = await page.textContent('[data-testid="indicator-list"] tr[data-ref="S6.M1"]');
    expect(improved).toContain('Special cause: improvement');
    expect(await page.textContent('tr[data-ref="KO7"]')).toContain('Not counted month by month.');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('counts the indicators with special cause for concern on Home, linked to the screen', async () => {
    const { page, store } = app;
    // A conviction rate of 40% against twenty months near 70% (higher is better): a concern.
    const figure = { ref: 'S6.M2', month, value: 40, numerator: 40, denominator: 100, note: '' };
    await store.indicators.setFigure({ ...figure, source: 'typed', author: 'Test' }, '2008-03-20T09:00:00Z');
    await app.goto('#/home');
    const count = await page.waitForSelector('dd[data-figure="concern"] a[href="#/performance"]');
    expect(await count.textContent()).toMatch(/^1 indicator with special cause for concern/);
    await count.click();
    await page.waitForSelector(
      '[data-ready="performance"] [data-testid="indicator-list"][data-complete="true"]',
    );
    expect(await page.textContent('tr[data-ref="S6.M2"]')).toContain('Special cause: concern');
  });

  it('draws a long list a screenful first, then every row, each reached by Tab in a table, axe clean', async () => {
    const { page, store } = app;
    for (let n = 1; n <= 60; n++) {
      const added = await store.indicators.add(
        {
          title: `Knife-enabled robbery in borough ${n}`,
          outcome: null,
          strand: 7,
          unit: 'count',
          per: null,
          better: 'lower',
          target: null,
          source: '',
          notes: [],
        },
        '2008-03-20T09:00:00Z',
        'Test',
      );
      await store.indicators.setFigure(
        {
          ref: added.ref,
          month,
          value: 40 + n,
          numerator: null,
          denominator: null,
          note: '',
          source: 'typed',
          author: 'Test',
        },
        '2008-03-20T09:00:00Z',
      );
    }
    const all = (await store.indicators.list({})).map((i) => i.ref);
    expect(all.length).toBeGreaterThan(80);
    await app.goto('#/home');
    await page.waitForSelector('[data-ready="dashboard"]');
    // How many rows are drawn when the screen says it is ready: the first screenful, not all.
    await page.evaluate(`(() => {
      window.rowsAtReady = null;
      const observer = new MutationObserver(() => {
        if (!document.querySelector('[data-ready="performance"]')) return;
        window.rowsAtReady = document.querySelectorAll('[data-testid="indicator-list"] tr[data-ref]').length;
        observer.disconnect();
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    })()`);
    await app.goto('#/performance');
    const list = '[data-testid="indicator-list"]';
    await page.waitForSelector(`[data-ready="performance"] ${list}[data-complete="true"]`);
    const firstDrawn = await page.evaluate('window.rowsAtReady');
    expect(firstDrawn).toBeGreaterThan(0);
    expect(firstDrawn).toBeLessThan(all.length);
    const rows = await page.$$eval(`${list} tr[data-ref]`, (trs) =>
      trs.map((r) => r.getAttribute('data-ref')),
    );
    expect(rows.sort()).toEqual([...all].sort());
    // The last indicator is a link in a row header of its group's table, reached by Tab alone.
    const last = all.at(-1) ?? '';
    await page.focus(`${list} tr[data-ref="${all[0]}"] a`);
    await tabTo(page, `${list} tr[data-ref="${last}"] th[scope="row"] a`, 400);
    const table = await page.evaluate(
      (ref) =>
        document.activeElement
          ?.closest(`tr[data-ref="${ref}"]`)
          ?.closest('table')
          ?.querySelectorAll('th[scope="col"]').length,
      last,
    );
    expect(table).toBe(5);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
