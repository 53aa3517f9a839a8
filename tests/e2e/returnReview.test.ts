// Taking in a lead's return with three updates: a Reject the person ticked is never overridden by
// the bulk button, which says how many updates it will mark before it marks them and commits
// nothing; "Apply my decisions" is always there and names the rows still waiting for a decision.
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
