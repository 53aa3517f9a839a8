// Papers on a meeting's agenda, in Chromium against the bridge: a PDF attached to an item through
// the file input is listed with its page count, a file that is not a PDF is refused in words beside
// the control with nothing listed, the pack screen counts the papers, removing one asks first, and a
// title typed beside the file input is the one listed, and the audit log says what was attached and
// removed in words. A paper is renamed in place (Escape leaves it, a blank title is refused in the
// store's words, Save keeps the new title) and the audit log says so.
// With BOARD_PACK_SCREENSHOTS=<folder> set, the meeting screen is photographed as meeting-papers.png,
// and with a title being edited as meeting-papers-rename.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/index';
import { notAPdf, paperPdf } from '../fixtures/paperPdf';
import { openApp, seriousViolations, type AppUnderTest } from './harness';
import { tabTo } from './keyboard';

let app: AppUnderTest;
let meetingId = 0;
const shots = process.env.BOARD_PACK_SCREENSHOTS;

beforeAll(async () => {
  app = await openApp({ now: '2008-03-20T09:00:00Z' });
  const created = await dispatch(app.bridge.services, 'meetings.create', {
    title: 'Serious Violence Strategy Board',
    heldAt: '2008-04-17T10:00',
    place: 'Room 1015, New Scotland Yard',
    reportingMonth: '2008-02',
  });
  if (!created.ok) throw new Error(created.error.message);
  meetingId = (created.value as { id: number }).id;
  // Presenters and times as the secretariat would set them, so the photograph shows a real agenda.
  const agenda = await app.store.meetings.agenda(meetingId);
  const presenters = ['Chair', 'Board secretariat', 'Head of Performance', 'Head of the MIB'];
  const saved = await dispatch(app.bridge.services, 'meetings.setAgenda', {
    meetingId,
    items: agenda.map((a, i) => ({
      id: a.id,
      title: a.title,
      presenter: presenters[i] ?? 'Chair',
      minutesAllotted: [5, 10, 30, 15][i] ?? 10,
      packSection: a.packSection,
    })),
  });
  if (!saved.ok) throw new Error(saved.error.message);
});

afterAll(async () => {
  await app?.close();
});

/** The agenda item at a position (from 1) of the meeting, as the store holds it. */
async function item(position: number) {
  const found = (await app.store.meetings.agenda(meetingId)).find((a) => a.position === position);
  if (!found) throw new Error(`no agenda item ${position}`);
  return found;
}

/** The papers listed under one agenda item on the screen, as their text. */
function listed(agendaItemId: number): Promise<string[]> {
  return app.page.$$eval(`.item-papers[data-item="${agendaItemId}"] li[data-paper]`, (rows) =>
    rows.map((row) => row.textContent ?? ''),
  );
}

describe('papers on the agenda', () => {
  it('attaches a PDF to an agenda item and lists it with its page count', async () => {
    const { page, store } = app;
    await app.goto(`#/meetings/${meetingId}`);
    await page.waitForSelector('[data-testid="agenda"] .item-papers');
    const performance = await item(3);
    // The control is a real file input with a label tied to it, and the keyboard reaches it.
    const label = await page.textContent(`label[for="paper-attach-${performance.id}"]`);
    expect(label).toBe('Attach paper (PDF) to item 3');
    await tabTo(page, `#paper-attach-${performance.id}`, 200);

    await page.setInputFiles(`#paper-attach-${performance.id}`, {
      name: 'Performance exceptions February 2008.pdf',
      mimeType: 'application/pdf',
      buffer: await paperPdf('Performance exceptions February 2008', 3),
    });
    await page.waitForSelector(`.item-papers[data-item="${performance.id}"] li[data-paper]`);
    expect(await listed(performance.id)).toEqual([
      expect.stringMatching(/^Performance exceptions February 2008 3 pages · .*\.pdf · \d+ KB/),
    ]);
    expect(await store.papers.list(meetingId)).toMatchObject([
      { agendaItemId: performance.id, pages: 3, title: 'Performance exceptions February 2008' },
    ]);

    // A second paper on the same item is listed after the first, in the order it will print.
    await page.setInputFiles(`#paper-attach-${performance.id}`, {
      name: 'Strand 2 recovery plan.pdf',
      mimeType: 'application/pdf',
      buffer: await paperPdf('Strand 2 recovery plan', 5),
    });
    await page.waitForFunction(
      (id) => document.querySelectorAll(`.item-papers[data-item="${id}"] li[data-paper]`).length === 2,
      performance.id,
    );
    expect((await listed(performance.id))[1]).toMatch(/^Strand 2 recovery plan 5 pages · /);
    expect((await store.papers.list(meetingId)).map((p) => [p.position, p.pages])).toEqual([
      [1, 3],
      [2, 5],
    ]);
  });

  it('refuses a file that is not a PDF in words beside the control, listing nothing', async () => {
    const { page, store } = app;
    const intelligence = await item(4);
    await page.setInputFiles(`#paper-attach-${intelligence.id}`, {
      name: 'MIB briefing notes.txt',
      mimeType: 'text/plain',
      buffer: notAPdf(),
    });
    const error = await page.waitForSelector(`#paper-attach-${intelligence.id}-error`);
    expect(await error.textContent()).toMatch(
      /"MIB briefing notes\.txt" is not a PDF file\..*Nothing was attached\./,
    );
    expect(await page.getAttribute(`#paper-attach-${intelligence.id}`, 'aria-describedby')).toBe(
      `paper-attach-${intelligence.id}-error`,
    );
    expect(await listed(intelligence.id)).toEqual([]);
    expect(await store.papers.list(meetingId)).toHaveLength(2);
  });

  it('passes axe with a paper listed, and opens the paper in the page', async () => {
    const { page } = app;
    const performance = await item(3);
    expect(await seriousViolations(page)).toEqual([]);
    if (shots) {
      mkdirSync(shots, { recursive: true });
      // The notices from attaching are dismissed so they do not cover the agenda.
      for (const dismiss of await page.$$('.notice button')) await dismiss.click();
      await page.evaluate(() => document.getElementById('main')?.scrollTo(0, 215));
      await page.screenshot({ path: join(shots, 'meeting-papers.png') });
    }
    await page.click(`.item-papers[data-item="${performance.id}"] button:has-text("Open")`);
    const viewer = await page.waitForSelector('[data-testid="paper-viewer"] iframe');
    expect(await viewer.getAttribute('title')).toBe('Paper: Performance exceptions February 2008');
    expect(await viewer.getAttribute('src')).toMatch(/^blob:/);
    await page.click('[data-testid="paper-viewer"] button:has-text("Close")');
    await page.waitForSelector('[data-testid="paper-viewer"]', { state: 'detached' });
  });

  it('counts the meeting’s papers and their pages on the pack screen', async () => {
    await app.goto(`#/pack/${meetingId}`);
    const line = await app.page.waitForSelector('[data-testid="pack-papers"]');
    expect(await line.textContent()).toMatch(
      /^This meeting carries 2 papers \(8 pages\), printed in the pack’s Papers section\./,
    );
  });

  it('keeps an item carrying papers on the agenda, and asks in the page before removing a paper', async () => {
    const { page, store } = app;
    const performance = await item(3);
    const [paper, second] = await store.papers.list(meetingId);
    await app.goto(`#/meetings/${meetingId}`);
    await page.waitForSelector(`#paper-${paper.id}-remove`);

    // The item itself cannot be taken off the agenda while it carries papers.
    await page.click('button:has-text("Remove item 3")');
    expect(await page.textContent('[data-testid="agenda"] .error-message')).toBe(
      'Item 3 carries 2 papers; remove them first, or keep the item on the agenda.',
    );
    expect(await page.$$('[data-testid="agenda"] tr.agenda-item-row')).toHaveLength(8);

    await page.click(`#paper-${paper.id}-remove`);
    await page.click(`.paper-confirm button:has-text("Keep it")`);
    await page.waitForFunction((id) => document.activeElement?.id === `paper-${id}-remove`, paper.id);
    expect(await store.papers.list(meetingId)).toHaveLength(2);

    // From the keyboard: Enter on Remove, then Enter on the confirmation that takes focus.
    await page.keyboard.press('Enter');
    await page.waitForSelector('.paper-confirm');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Yes, remove/);
    expect(await store.papers.list(meetingId)).toHaveLength(2);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`li[data-paper="${paper.id}"]`, { state: 'detached' });
    expect(await listed(performance.id)).toEqual([expect.stringMatching(/^Strand 2 recovery plan/)]);
    expect(await store.papers.list(meetingId)).toEqual([{ ...second, position: 1 }]);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`paper-attach-${performance.id}`);
    expect((await store.audit.list({ entity: 'paper' })).map((a) => a.action)).toEqual([
      'paper.remove',
      'paper.add',
      'paper.add',
    ]);
  });

  it('lists a paper under the title typed beside the file input, not its file name', async () => {
    const { page, store } = app;
    const intelligence = await item(4);
    const titleField = `#paper-attach-${intelligence.id}-title`;
    expect(await page.textContent(`label[for="paper-attach-${intelligence.id}-title"]`)).toBe(
      'Paper title (optional) for item 4; left blank, the file name is used',
    );
    await page.fill(titleField, '  Intelligence picture, March 2008 ');
    await page.setInputFiles(`#paper-attach-${intelligence.id}`, {
      name: 'MIB-brief-v7-FINAL.pdf',
      mimeType: 'application/pdf',
      buffer: await paperPdf('MIB brief', 2),
    });
    await page.waitForSelector(`.item-papers[data-item="${intelligence.id}"] li[data-paper]`);
    expect(await listed(intelligence.id)).toEqual([
      expect.stringMatching(/^Intelligence picture, March 2008 2 pages · MIB-brief-v7-FINAL\.pdf · /),
    ]);
    expect(
      (await store.papers.list(meetingId)).filter((p) => p.agendaItemId === intelligence.id),
    ).toMatchObject([
      { title: 'Intelligence picture, March 2008', fileName: 'MIB-brief-v7-FINAL.pdf', pages: 2 },
    ]);
    // The field empties once the paper is attached, so the next paper does not take the same title.
    expect(await page.inputValue(titleField)).toBe('');
  });

  it('offers Papers under What changed in the audit log, and says in words what was attached and removed', async () => {
    const { page } = app;
    await app.goto('#/audit');
    await page.waitForSelector('.audit-table');
    await page.selectOption('#audit-entity', { label: 'Papers' });
    await page.waitForFunction(
      () => document.querySelectorAll('.audit-table tbody tr').length === 4,
      undefined,
    );
    // Agenda items are looked up from the meeting, so the rows settle once they name the item.
    await page.waitForFunction(() =>
      document.querySelector('.audit-table tbody tr')?.textContent?.includes('item 4'),
    );
    const rows = await page.$$eval('.audit-table tbody tr', (trs) =>
      trs.map((tr) => [
        tr.children[2]?.textContent ?? '',
        [...(tr.children[4]?.querySelectorAll('div') ?? [])].map((d) => d.textContent ?? ''),
      ]),
    );
    const meeting = '(meeting of 17 April 2008)';
    expect(rows).toEqual([
      [
        'Paper attached',
        [
          `“Intelligence picture, March 2008” attached to item 4, ${(await item(4)).title} ${meeting}`,
          '2 pages · MIB-brief-v7-FINAL.pdf',
        ],
      ],
      [
        'Paper removed',
        [
          `“Performance exceptions February 2008” removed from item 3, ${(await item(3)).title} ${meeting}`,
          '3 pages · Performance exceptions February 2008.pdf',
        ],
      ],
      [
        'Paper attached',
        [
          `“Strand 2 recovery plan” attached to item 3, ${(await item(3)).title} ${meeting}`,
          '5 pages · Strand 2 recovery plan.pdf',
        ],
      ],
      [
        'Paper attached',
        [
          `“Performance exceptions February 2008” attached to item 3, ${(await item(3)).title} ${meeting}`,
          '3 pages · Performance exceptions February 2008.pdf',
        ],
      ],
    ]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('renames a paper in place, refusing a blank title in the store’s words, and the audit log says so', async () => {
    const { page, store } = app;
    const intelligence = await item(4);
    const [paper] = (await store.papers.list(meetingId)).filter((p) => p.agendaItemId === intelligence.id);
    const rename = `#paper-${paper.id}-rename`;
    const field = `#paper-${paper.id}-title`;
    const focused = () => page.evaluate(() => document.activeElement?.id);
    await app.goto(`#/meetings/${meetingId}`);
    await page.waitForSelector(rename);
    expect(await page.textContent(rename)).toBe('Rename Intelligence picture, March 2008');

    // The title opens for editing, selected; Escape leaves it as it was and focus back on Rename.
    await page.click(rename);
    await page.waitForSelector(field);
    expect(await focused()).toBe(`paper-${paper.id}-title`);
    expect(await page.textContent(`label[for="paper-${paper.id}-title"]`)).toBe(
      'New title for “Intelligence picture, March 2008”, a paper of item 4',
    );
    expect(await page.inputValue(field)).toBe('Intelligence picture, March 2008');
    await page.keyboard.type('Typed over');
    expect(await page.inputValue(field)).toBe('Typed over');
    await page.keyboard.press('Escape');
    await page.waitForSelector(field, { state: 'detached' });
    await page.waitForFunction((id) => document.activeElement?.id === id, `paper-${paper.id}-rename`);
    expect(await listed(intelligence.id)).toEqual([
      expect.stringMatching(/^Intelligence picture, March 2008 /),
    ]);

    // From the keyboard: Enter on Rename, a blank title and Enter: refused beside the field.
    await page.keyboard.press('Enter');
    await page.waitForSelector(field);
    await page.fill(field, '   ');
    await page.keyboard.press('Enter');
    const error = await page.waitForSelector(`#paper-${paper.id}-title-error`);
    expect(await error.textContent()).toBe('A paper needs a title; type the title to print in the pack.');
    expect(await page.getAttribute(field, 'aria-describedby')).toBe(`paper-${paper.id}-title-error`);
    expect(await page.getAttribute(field, 'aria-invalid')).toBe('true');
    expect(await focused()).toBe(`paper-${paper.id}-title`);
    expect((await store.papers.get(paper.id)).title).toBe('Intelligence picture, March 2008');
    expect((await store.audit.list({ entity: 'paper' })).map((a) => a.action)).not.toContain('paper.rename');
    expect(await seriousViolations(page)).toEqual([]);
    if (shots) {
      // Only the app's content scrolls (scrollIntoView would move the whole frame too).
      await page.$eval(field, (input) => {
        const main = document.getElementById('main');
        main?.scrollBy(0, input.getBoundingClientRect().top - main.clientHeight / 2);
      });
      await page.screenshot({ path: join(shots, 'meeting-papers-rename.png') });
    }

    // A title typed and saved is the one listed and stored; focus returns to Rename.
    await page.fill(field, '  MIB intelligence picture, March 2008 ');
    await page.click(`form.paper-rename button:has-text("Save")`);
    await page.waitForSelector(field, { state: 'detached' });
    // The form closes as the save answers; the list shows the new title once it has read it again.
    await expect
      .poll(() => listed(intelligence.id))
      .toEqual([
        expect.stringMatching(/^MIB intelligence picture, March 2008 2 pages · MIB-brief-v7-FINAL\.pdf · /),
      ]);
    expect(await store.papers.get(paper.id)).toEqual({
      ...paper,
      title: 'MIB intelligence picture, March 2008',
    });
    await page.waitForFunction((id) => document.activeElement?.id === id, `paper-${paper.id}-rename`);

    await app.goto('#/audit');
    await page.waitForSelector('.audit-table');
    await page.selectOption('#audit-entity', { label: 'Papers' });
    await page.waitForFunction(() =>
      document.querySelector('.audit-table tbody tr')?.textContent?.includes('renamed to'),
    );
    await page.waitForFunction(() =>
      document.querySelector('.audit-table tbody tr')?.textContent?.includes('item 4'),
    );
    const latest = await page.$eval('.audit-table tbody tr', (tr) => [
      tr.children[2]?.textContent ?? '',
      [...(tr.children[4]?.querySelectorAll('div') ?? [])].map((d) => d.textContent ?? ''),
    ]);
    expect(latest).toEqual([
      'Paper renamed',
      [
        `“Intelligence picture, March 2008” renamed to “MIB intelligence picture, March 2008” under item 4, ${intelligence.title} (meeting of 17 April 2008)`,
        '2 pages · MIB-brief-v7-FINAL.pdf',
      ],
    ]);
  });
});
