// The secretariat's side, in Chromium against the bridge with demo data: accept and return the
// strand leads' submitted updates, then build a draft pack, read it in the window and issue it.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dateLabel } from '../../shared/months';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listIssuedPacks } from '../../electron/pack/index';
import { openApp, seriousViolations, type AppUnderTest } from './harness';

let app: AppUnderTest;

beforeAll(async () => {
  app = await openApp({ demoMonths: 12, now: '2008-04-03T09:00:00Z' });
});

afterAll(async () => {
  await app?.close();
});

/** The next meeting and the month it reports on, as the store has them. */
async function nextMeeting() {
  const meeting = (await app.store.meetings.list()).find((m) => m.heldAt.slice(0, 10) >= app.store.today());
  if (!meeting) throw new Error('The demo has no upcoming meeting.');
  return meeting;
}

async function submittedIn(month: string) {
  return [...(await app.store.updates.working(month)).values()].filter((u) => u.state === 'submitted');
}

describe('secretariat', () => {
  it('accepts one submitted update, returns another with a comment, then accepts the rest of the strand', async () => {
    const { page, store } = app;
    const month = (await nextMeeting()).reportingMonth;
    const waiting = await submittedIn(month);
    const strandOf = (ref: string) => Number(ref.split('.')[0]);
    const counts = new Map<number, number>();
    for (const u of waiting) counts.set(strandOf(u.ref), (counts.get(strandOf(u.ref)) ?? 0) + 1);
    const [strand, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    expect(count).toBeGreaterThan(2);
    const inStrand = waiting.filter((u) => strandOf(u.ref) === strand);

    expect(await page.inputValue('#reporting-month')).toBe(month);
    await app.goto(`#/updates/${strand}`);
    await page.waitForSelector(`[data-testid="updates-grid"][data-strand="${strand}"][data-ready="true"]`);
    await page.click(`tr[data-ref="${inStrand[0].ref}"]`);
    await page.click(`button:has-text("Accept ${inStrand[0].ref}")`);
    await page.waitForFunction(
      (ref) =>
        document
          .querySelector(`tr[data-ref="${ref}"] [data-testid="row-state"]`)
          ?.textContent?.startsWith('Accepted'),
      inStrand[0].ref,
    );
    expect((await store.updates.working(month)).get(inStrand[0].ref)?.state).toBe('accepted');

    const returnedRef = inStrand[1].ref;
    await page.click(`tr[data-ref="${returnedRef}"]`);
    await page.click('button:has-text("Return with a comment")');
    await page.fill('#return-comment', 'Please say which boroughs are behind.');
    await page.click(`button:has-text("Return ${returnedRef}")`);
    await page.waitForFunction(
      (r) =>
        document
          .querySelector(`tr[data-ref="${r}"] [data-testid="row-state"]`)
          ?.textContent?.startsWith('Returned'),
      returnedRef,
    );
    const returned = (await store.updates.working(month)).get(returnedRef);
    expect(returned?.state).toBe('returned');
    expect(returned?.comment).toBe('Please say which boroughs are behind.');

    await page.click('button:has-text("Accept all submitted")');
    await page.waitForSelector('button:has-text("Accept all submitted (0)")');
    expect((await submittedIn(month)).filter((u) => u.ref.startsWith(`${strand}.`))).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('revises an accepted update as a new revision while the board still sees the accepted one', async () => {
    const { page, store } = app;
    const month = (await nextMeeting()).reportingMonth;
    const accepted = [...(await store.updates.working(month)).values()].find((u) => u.state === 'accepted');
    if (!accepted) throw new Error('The demo has no accepted update this month.');
    const strand = Number(accepted.ref.split('.')[0]);
    await app.goto(`#/updates/${strand}`);
    await page.waitForSelector(`[data-testid="updates-grid"][data-strand="${strand}"][data-ready="true"]`);
    await page.click(`tr[data-ref="${accepted.ref}"]`);
    await page.click('button:has-text("Revise this update")');
    await page.fill('#narrative', 'Corrected after the strand meeting: two boroughs still to report.');
    await page.waitForSelector('[data-testid="save-state"][data-state="saved"]');
    const history = await store.updates.history(accepted.ref, month);
    expect(history.map((u) => u.state)).toEqual(['draft', 'accepted']);
    expect((await store.updates.reported(month)).get(accepted.ref)?.narrative).toBe(accepted.narrative);
    await page.click('summary:has-text("Revision history")');
    await page.waitForSelector('.history-list li:nth-child(2)');
  });

  it('builds a draft pack, shows it in the window and issues it with its hash recorded', async () => {
    const { page, store } = app;
    const meeting = await nextMeeting();
    expect(await listIssuedPacks(store, meeting.id)).toEqual([]);
    await app.goto(`#/pack/${meeting.id}`);
    await page.click('button:has-text("Build draft")');
    const frame = await page.waitForSelector('[data-testid="draft-view"] iframe', { timeout: 60_000 });
    expect(await frame.getAttribute('src')).toMatch(/^blob:/);
    expect(await seriousViolations(page)).toEqual([]);

    // Issuing asks first, naming the meeting and the version; nothing is issued until confirmed.
    await page.click('button:has-text("Issue this pack")');
    const confirm = await page.waitForSelector('[data-testid="confirm-issue"]');
    expect(await confirm.textContent()).toContain(
      `Issue version 1 of the pack for the meeting of ${dateLabel(meeting.heldAt)}`,
    );
    expect(await listIssuedPacks(store, meeting.id)).toEqual([]);
    await page.click('[data-testid="confirm-issue"] button:has-text("Issue version 1")');
    await page.waitForSelector('[data-testid="issued-versions"] li', { timeout: 60_000 });
    const issued = await listIssuedPacks(store, meeting.id);
    expect(issued.map((p) => p.version)).toEqual([1]);
    expect(await page.textContent('[data-testid="issued-versions"]')).toContain(issued[0].sha256);
    expect(await page.textContent('[data-testid="issued-versions"]')).toContain(
      `Version 1 · Reference ${issued[0].reference}`,
    );
    expect(await page.textContent('[data-testid="since-issue"]')).toContain(
      `Version 1 (Reference ${issued[0].reference}), issued`,
    );
    expect(await page.textContent('[data-testid="since-issue"]')).toContain('still matches');
    // Issued, the screen shows the issued version, not the draft it came from.
    expect(await page.$('[data-testid="draft-view"]')).toBeNull();
    expect(await page.isVisible('h2:has-text("Reissue (version 2)")')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('issued-title');
  });

  it('exports an exact copy of the issued pack and recognises it when verified', async () => {
    const { page, store } = app;
    const issued = (await listIssuedPacks(store, (await nextMeeting()).id))[0];
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('button:has-text("Export a copy")'),
    ]);
    const folder = mkdtempSync(join(tmpdir(), 'board-pack-export-'));
    const file = join(folder, download.suggestedFilename());
    await download.saveAs(file);
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(issued.sha256);

    await page.setInputFiles('#verify-file', file);
    await page.waitForSelector('.verify-ok');
    expect(await page.textContent('.verify-ok')).toContain(
      `version ${issued.version} of the pack for the meeting of ${dateLabel((await nextMeeting()).heldAt)}`,
    );
    expect(await page.textContent('.verify-ok')).toContain(`Reference ${issued.reference}`);
    expect(await page.textContent('.verify-ok')).toContain('It is the latest version.');

    writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from('\n%tampered')]));
    await page.setInputFiles('#verify-file', file);
    await page.waitForSelector('[role="status"] .error-message');
    expect(await page.textContent('[role="status"] .error-message')).toContain(
      'not a pack issued from this database',
    );
    rmSync(folder, { recursive: true, force: true });
  });

  it('says the issued version no longer matches once an update changes, and what changed, before offering the reissue', async () => {
    const { page, store } = app;
    const meeting = await nextMeeting();
    const ref = (await store.plan.objectives())[0].ref;
    await store.updates.save(
      {
        ref,
        month: meeting.reportingMonth,
        status: 'red',
        narrative: 'Corrected after the pack went out: the funding was withdrawn.',
        nextSteps: '',
        author: 'Strand lead',
        state: 'accepted',
      },
      store.now(),
    );
    await app.goto('#/home');
    await app.goto(`#/pack/${meeting.id}`);
    const notice = await page.waitForSelector('[data-testid="since-issue"].callout');
    const said = (await notice.textContent()) ?? '';
    expect(said).toMatch(
      /Version 1 \(Reference [0-9a-f]{8}\), issued .*, no longer matches the data: 1 change since it was issued\./,
    );
    expect(said).toContain(`${ref}: status`);
    // The notice comes before the reissue it explains.
    const order = await page.evaluate(() => {
      const notice = document.querySelector('[data-testid="since-issue"]');
      const reissue = [...document.querySelectorAll('h2')].find(
        (h) => h.textContent === 'Reissue (version 2)',
      );
      if (!notice) return 'no notice';
      if (!reissue) return 'no reissue heading';
      return notice.compareDocumentPosition(reissue) & Node.DOCUMENT_POSITION_FOLLOWING
        ? 'notice, then reissue'
        : 'reissue, then notice';
    });
    expect(order).toBe('notice, then reissue');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
