// Taking in a lead's return with three updates: a Reject the person ticked is never overridden by
// the bulk button, which says how many updates it will mark before it marks them and commits
// nothing; "Apply my decisions" is always there and names the rows still waiting for a decision.
// Then a return carrying indicator figures: each shown beside ours, a conflict with both values,
// accepted or rejected one by one (a rejection with its reason), and the accepted one recorded.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRequest } from '../../electron/exchange/openRequest';
import { openStore, type Store } from '../../electron/store/store';
import {
  leadReturn,
  passphraseFor,
  pinnedIds,
  secretariatRequest,
  tempDir,
} from '../integration/exchange.fixtures';
import { openApp, seriousViolations, type AppUnderTest } from './harness';

const MONTH = '2007-10';
const STRAND = 2;
let app: AppUnderTest;
let lead: Store;
let returnFile: string;
let refs: string[];
const stores: Store[] = [];

beforeAll(async () => {
  app = await openApp({ now: '2007-10-20T09:00:00Z' });
  const dir = tempDir();
  const ids = pinnedIds();
  const requestPath = join(dir, 'request.bpreq');
  await secretariatRequest(
    app.store,
    requestPath,
    { strandNumber: STRAND, month: MONTH, leadName: 'DCS Lead' },
    ids,
  );
  lead = await openStore(join(dir, 'lead.db'), { clock: app.clock, seedPlan: null });
  await openRequest(lead, { path: requestPath, actor: 'DCS Lead', passphrase: passphraseFor(requestPath) });
  refs = (await lead.plan.objectives({ strandNumber: STRAND, month: MONTH })).slice(0, 3).map((o) => o.ref);
  for (const ref of refs)
    await lead.updates.save(
      {
        ref,
        month: MONTH,
        status: 'amber',
        narrative: `Progress on ${ref}.`,
        author: 'DCS Lead',
        state: 'draft',
      },
      lead.now(),
    );
  returnFile = join(dir, 'return.bpret');
  await leadReturn(lead, returnFile, ids);
});

afterAll(async () => {
  await lead?.close();
  for (const store of stores) await store.close();
  await app?.close();
});

describe('a return with a Reject ticked', () => {
  it('keeps the ticked Reject when the others are marked Accept in bulk, and applies exactly that', async () => {
    const { page, store } = app;
    await app.goto('#/exchange');
    await page.setInputFiles('#return-file', returnFile);
    await page.click('[data-testid="trust-step"] button');
    await page.waitForSelector('[data-testid="return-review"]');
    const row = (ref: string) => `[data-testid="return-review"] tr[data-ref="${ref}"]`;

    // Applying with rows undecided changes nothing, names the rows and moves focus to the first.
    await page.check(`${row(refs[1])} input[value="reject"]`);
    await page.click('text=Apply my decisions');
    const missing = await page.textContent('#review-missing');
    expect(missing).toContain(`No decision yet for ${refs[0]}, ${refs[2]}`);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe(
      `decide-${refs[0]}`,
    );
    expect(await page.getAttribute(`${row(refs[0])} input[value="accept"]`, 'aria-invalid')).toBe('true');
    expect((await store.updates.working(MONTH, STRAND)).size).toBe(0);

    // The bulk button names how many it will mark; it marks them and commits nothing.
    const bulk = '[data-testid="accept-undecided"]';
    expect(await page.textContent(bulk)).toBe('Mark the 2 updates without a decision Accept');
    await page.click(bulk);
    expect(await page.isChecked(`${row(refs[1])} input[value="reject"]`)).toBe(true);
    expect(await page.isChecked(`${row(refs[0])} input[value="accept"]`)).toBe(true);
    expect(await page.isChecked(`${row(refs[2])} input[value="accept"]`)).toBe(true);
    expect(await page.textContent('[data-testid="review-tally"]')).toContain(
      '2 to accept, 1 to reject, 0 without a decision',
    );
    expect((await store.updates.working(MONTH, STRAND)).size).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    // A rejection needs its reason: asked for at its own field, with focus moved there; nothing is changed.
    const reason = `#reject-reason-${refs[1].replace(/\./g, '\\.')}`;
    await page.click('text=Apply my decisions');
    await page.waitForSelector(`${reason}[aria-invalid="true"]`);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`reject-reason-${refs[1]}`);
    const describedBy = await page.getAttribute(reason, 'aria-describedby');
    expect(await page.textContent(`[id="${describedBy}"]`)).toContain(`Say why ${refs[1]} is rejected`);
    expect((await store.updates.working(MONTH, STRAND)).size).toBe(0);
    await page.fill(reason, 'Progress is for September; say what happened in October.');

    await page.click('text=Apply my decisions');
    await page.waitForSelector('[data-testid="return-result"]');
    expect(await page.textContent('[data-testid="return-result"]')).toContain('2 accepted, 1 rejected');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'return-result',
    );
    const working = await store.updates.working(MONTH, STRAND);
    expect([...working.keys()].sort()).toEqual([refs[0], refs[2]].sort());
    expect(working.has(refs[1])).toBe(false);
    expect((await store.audit.list({ text: 'exchange.update.reject' }))[0]).toMatchObject({
      entityId: `${refs[1]}@${MONTH}`,
      after: { reason: 'Progress is for September; say what happened in October.' },
    });
  });
});

/** A figure as the store takes it, typed by the secretariat unless told. */
function setFigure(
  store: Store,
  figure: {
    ref: string;
    month: string;
    value: number;
    numerator?: number;
    denominator?: number;
    author?: string;
  },
) {
  return store.indicators.setFigure(
    { numerator: null, denominator: null, note: '', source: 'typed', author: 'Secretariat', ...figure },
    store.now(),
  );
}

/**
 * Strand 3's October return, with one update and three figures: October's count (S3.M1) and rate
 * (S3.M2, 12 of 40), and a correction to September's count that the secretariat has also changed
 * since the request went out (a conflict: 39 here, 41 from the lead).
 */
async function returnWithFigures(): Promise<string> {
  const dir = tempDir();
  const ids = pinnedIds(1);
  await setFigure(app.store, { ref: 'S3.M1', month: '2007-09', value: 40 });
  const requestPath = join(dir, 'strand-3.bpreq');
  await secretariatRequest(
    app.store,
    requestPath,
    { strandNumber: 3, month: MONTH, leadName: 'DV Lead' },
    ids,
  );
  const dvLead = await openStore(join(dir, 'lead.db'), { clock: app.clock, seedPlan: null });
  stores.push(dvLead);
  await openRequest(dvLead, { path: requestPath, actor: 'DV Lead', passphrase: passphraseFor(requestPath) });
  const [objective] = await dvLead.plan.objectives({ strandNumber: 3, month: MONTH });
  await dvLead.updates.save(
    {
      ref: objective.ref,
      month: MONTH,
      status: 'green',
      narrative: 'On track.',
      author: 'DV Lead',
      state: 'draft',
    },
    dvLead.now(),
  );
  await setFigure(dvLead, { ref: 'S3.M1', month: MONTH, value: 44, author: 'DV Lead' });
  await setFigure(dvLead, {
    ref: 'S3.M2',
    month: MONTH,
    value: 30,
    numerator: 12,
    denominator: 40,
    author: 'DV Lead',
  });
  await setFigure(dvLead, { ref: 'S3.M1', month: '2007-09', value: 41, author: 'DV Lead' });
  const returnPath = join(dir, 'strand-3.bpret');
  await leadReturn(dvLead, returnPath, ids);
  await setFigure(app.store, { ref: 'S3.M1', month: '2007-09', value: 39 });
  return returnPath;
}

describe('a return carrying indicator figures', () => {
  it('shows each figure beside ours, takes a decision for each, and records the accepted one from the exchange', async () => {
    const { page, store } = app;
    const figuresReturn = await returnWithFigures();
    await app.goto('#/exchange');
    await page.setInputFiles('#return-file', figuresReturn);
    await page.click('[data-testid="trust-step"] button');
    await page.waitForSelector('[data-testid="figure-review"]');
    const row = (key: string) => `[data-testid="figure-review"] tr[data-key="${key}"]`;
    const radio = (key: string, d: 'accept' | 'reject') => `${row(key)} input[value="${d}"]`;

    // Each figure: the indicator, the month, the lead's value (with what a rate is of) and ours.
    const rate = await page.textContent(row('S3.M2@2007-10'));
    expect(rate).toContain('Sanction Detection Rates');
    expect(rate).toContain('October 2007');
    expect(rate).toContain('30 (12 of 40)');
    expect(rate).toContain('Nothing yet');
    const conflict = await page.textContent(row('S3.M1@2007-09'));
    expect(conflict).toContain(
      'Conflict: changed here after the request went out. Here 39; from the lead 41.',
    );
    expect(conflict).toContain('Typed, by Secretariat');
    expect(conflict).toContain('Keep ours');

    // Rejected from the keyboard, with a reason typed into the field that then appears.
    await page.focus(radio('S3.M2@2007-10', 'reject'));
    await page.keyboard.press('Space');
    const reason = `[id="figure-reason-S3.M2@2007-10"]`;
    await page.focus(reason);
    await page.keyboard.type('The rate counts charges, not convictions: send the conviction rate.');

    // The bulk button reaches the update and the figure without a decision, not the conflict, and
    // leaves the Reject alone.
    const bulk = '[data-testid="accept-undecided"]';
    expect(await page.textContent(bulk)).toBe('Mark the 1 update and 1 figure without a decision Accept');
    await page.click(bulk);
    expect(await page.isChecked(radio('S3.M2@2007-10', 'reject'))).toBe(true);
    expect(await page.isChecked(radio('S3.M1@2007-10', 'accept'))).toBe(true);
    expect(await page.textContent('[data-testid="review-tally"]')).toContain(
      'figures: 1 to accept, 1 to reject, 1 without a decision',
    );

    // The conflict still needs its own choice: named, and focus moved to it; nothing is changed.
    await page.click('text=Apply my decisions');
    expect(await page.textContent('#review-missing')).toContain('No decision yet for S3.M1@2007-09');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe(
      'decide-figure-S3.M1@2007-09',
    );
    expect(await store.indicators.currentFigures({ refs: ['S3.M2'], from: MONTH })).toEqual([]);
    await page.check(radio('S3.M1@2007-09', 'reject'));
    expect(await seriousViolations(page)).toEqual([]);

    await page.click('text=Apply my decisions');
    await page.waitForSelector('[data-testid="return-result"]');
    const result = await page.textContent('[data-testid="return-result"]');
    expect(result).toContain('1 accepted, 0 rejected');
    expect(result).toContain('Of its 3 indicator figures, 1 recorded (S3.M1@2007-10) and 2 rejected');
    const held = await store.indicators.currentFigures({ refs: ['S3.M1', 'S3.M2'], from: '2007-09' });
    expect(held.map((f) => [f.ref, f.month, f.value, f.source])).toEqual([
      ['S3.M1', '2007-09', 39, 'typed'],
      ['S3.M1', MONTH, 44, 'exchange'],
    ]);
    const rejected = await store.audit.list({ text: 'exchange.figure.reject' });
    expect(rejected.find((a) => a.entityId === 'S3.M2@2007-10')).toMatchObject({
      after: { reason: 'The rate counts charges, not convictions: send the conviction rate.' },
    });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
