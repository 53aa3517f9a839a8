// Settings → People by keyboard: a strand lead seeded from the plan is given a name and an email,
// and the chase list then names them; the change is in the audit log once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whoToChase } from '../../electron/handlers/chaseContact';
import { openApp, seriousViolations, type AppUnderTest } from './harness';

let app: AppUnderTest;

beforeAll(async () => {
  app = await openApp({ demoMonths: 6, now: '2007-10-01T09:00:00Z' });
});

afterAll(async () => {
  await app?.close();
});

describe('the People roster', () => {
  it('changes a strand lead’s name and email in place, and the chase list follows it', async () => {
    const { page } = app;
    // Several strands' leads share a role title, so the row is found by its place in the list.
    const people = await app.store.people.list();
    const row = people.findIndex((p) => p.role === 'strand_lead' && p.strandNumber === 2);
    expect(row).toBeGreaterThanOrEqual(0);
    const lead = people[row];
    await app.goto('#/settings');
    await page.waitForSelector('h2#people-title');
    await page
      .locator('table[aria-labelledby="people-title"] tbody tr')
      .nth(row)
      .locator('button:has-text("Edit")')
      .click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('person-name');
    await page.fill('#person-name', 'DCI Ruth Adams');
    await page.fill('#person-email', 'ruth.adams@example.org');
    await page.keyboard.press('Enter');
    await page.waitForSelector('td:has-text("ruth.adams@example.org")');
    expect(await page.textContent('form[aria-label="Add a person"] h3')).toBe('Add a person');

    const changed = await app.store.people.get(lead.id);
    expect(changed).toMatchObject({
      name: 'DCI Ruth Adams',
      email: 'ruth.adams@example.org',
      strandNumber: 2,
    });
    const edits = (await app.store.audit.list({ entity: 'person' })).filter(
      (e) => e.action === 'person.edit',
    );
    expect(edits).toHaveLength(1);
    expect(await whoToChase(app.store, await app.store.plan.strand(2))).toEqual({
      name: 'DCI Ruth Adams',
      email: 'ruth.adams@example.org',
    });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
