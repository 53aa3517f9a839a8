// A strand lead's copy that already held the built-in plan (as a new install does) opens a request
// in Chromium: it becomes the lead's copy for the strand, with last month's updates, the lead's
// name, only the screens a lead needs, and Monthly updates on the strand.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../electron/store/store';
import { passphraseFor, secretariatRequest, tempDir } from '../integration/exchange.fixtures';
import { openApp, seriousViolations, type AppUnderTest } from './harness';

const STRAND = 2;
const NARRATIVE = 'Two boroughs have not yet signed the knife crime protocol.';
let lead: AppUnderTest;
let secretariat: Store;
let requestFile: string;
let ref: string;

beforeAll(async () => {
  lead = await openApp({ now: '2007-10-05T09:00:00Z' });
  const dir = tempDir();
  secretariat = await openStore(join(dir, 'secretariat.db'), { clock: lead.clock });
  ref = (await secretariat.plan.objectives({ strandNumber: STRAND, month: '2007-09' }))[0].ref;
  await secretariat.updates.save(
    { ref, month: '2007-09', status: 'amber', narrative: NARRATIVE, author: 'Dana Lee', state: 'submitted' },
    secretariat.now(),
  );
  await secretariat.updates.transition(ref, '2007-09', 'accept', 'Secretariat', secretariat.now());
  requestFile = join(dir, 'strand-2-2007-10.bpreq');
  await secretariatRequest(secretariat, requestFile, { strandNumber: STRAND, leadName: 'Dana Lee' });
});

afterAll(async () => {
  await secretariat?.close();
  await lead?.close();
});

describe("a lead's copy that held the built-in plan", () => {
  it("opens a request with last month's updates and the lead's name, on Monthly updates for the strand", async () => {
    const { page, store } = lead;
    expect(await store.plan.hasPlan()).toBe(true);
    await lead.goto('#/exchange');
    await page.waitForSelector('[data-testid="lead-panel"]');
    await page.fill('#lead-name', 'Dana Lee');
    await page.fill('#request-passphrase', passphraseFor(requestFile)!);
    await page.setInputFiles('#request-file', requestFile);

    const row = `[data-testid="updates-grid"][data-strand="${STRAND}"] tr[data-ref="${ref}"]`;
    await page.waitForSelector(`[data-testid="updates-grid"][data-strand="${STRAND}"][data-ready="true"]`);
    expect(await page.textContent(`${row} td:nth-child(3)`)).toContain('Amber');
    await page.click(row);
    expect(await page.textContent('.last-month')).toContain(NARRATIVE);

    expect(await page.textContent('.header-user')).toBe(`Working as Dana Lee, lead for strand ${STRAND}`);
    const screens = await page.$$eval('nav[aria-label="Main"] li a', (links) =>
      links.map((a) => a.textContent),
    );
    expect(screens).toEqual(['Home', 'Monthly updates', 'Performance', 'Exchange files', 'Settings']);
    expect(await store.settings.get('user.name')).toBe('Dana Lee');
    expect(await seriousViolations(page)).toEqual([]);

    // The lead enters their strand's figures on Performance; defining indicators is the secretariat's.
    await lead.goto('#/performance');
    await page.waitForSelector('[data-ready="performance"]');
    expect(await page.$('button:has-text("Add an indicator")')).toBeNull();
  });
});
