// Working offline, in Chromium against two bridges: the secretariat makes a request and downloads
// it; a strand lead's fresh copy opens it, writes updates in the Monthly updates grid and saves the
// return; the secretariat refuses a changed copy of it, trusts the lead's key and accepts the
// updates. Then the spreadsheet and backup screens. With BOARD_PACK_SCREENSHOTS=<folder> set, the
// screens are photographed at 1366×768 for docs/screens.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signingKey } from '../../electron/exchange/keys';
import {
  clearV1File,
  generateKeyPair,
  payloadOf,
  sealedTo,
  signedFile,
} from '../integration/exchange.fixtures';
import { countRows } from '../fixtures/databases';
import { openApp, seriousViolations, type AppUnderTest } from './harness';
import { tabTo } from './keyboard';

const MONTH = '2008-03';
const STRAND = 2;
const NARRATIVE = 'Two boroughs have not yet signed the knife crime protocol; meeting them next week.';
const OURS = 'Recorded by the secretariat at the last board meeting.';
const shots = process.env.BOARD_PACK_SCREENSHOTS;

let secretariat: AppUnderTest;
let lead: AppUnderTest;
let files: string;

beforeAll(async () => {
  files = mkdtempSync(join(tmpdir(), 'board-pack-offline-'));
  [secretariat, lead] = await Promise.all([
    openApp({ now: '2008-03-20T09:00:00Z' }),
    openApp({ now: '2008-03-24T09:00:00Z' }),
  ]);
});

afterAll(async () => {
  await secretariat?.close();
  await lead?.close();
  if (files) rmSync(files, { recursive: true, force: true });
});

async function photograph(page: Page, name: string): Promise<void> {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

/** Scrolls the screen's content (not the window) so that `selector` starts near its top. */
async function scrollMainTo(page: Page, selector: string): Promise<void> {
  await page.evaluate((s) => {
    const main = document.getElementById('main');
    const target = document.querySelector(s);
    if (!main || !target) return;
    window.scrollTo(0, 0);
    const offset = target.getBoundingClientRect().top - main.getBoundingClientRect().top;
    main.scrollTo(0, main.scrollTop + offset - 16);
  }, selector);
}

/** Clicks what starts a download and keeps the file; returns its path and suggested name. */
async function download(page: Page, click: () => Promise<void>): Promise<{ path: string; name: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(files, file.suggestedFilename());
  await file.saveAs(path);
  return { path, name: file.suggestedFilename() };
}

let requestFile: string;
let passphrase: string;
let returnFile: string;

describe('exchange files', () => {
  it('lets the secretariat make a request for a strand and month and download it', async () => {
    const { page } = secretariat;
    await secretariat.goto('#/exchange');
    await page.waitForSelector('[data-testid="request-form"]');
    await page.selectOption('#request-strand', String(STRAND));
    await page.selectOption('#request-month', MONTH);
    await page.fill('#request-lead', 'Strand 2 lead');
    const saved = await download(page, () => page.click('text=Make request file'));
    expect(saved.name).toBe(`strand-${STRAND}-${MONTH}.bpreq`);
    requestFile = saved.path;
    expect(await page.textContent('[data-testid="request-made"]')).toContain('Strand 2 lead');
    // A first request is locked with a passphrase, shown once for reading out by phone.
    passphrase = (await page.textContent('[data-testid="passphrase"]'))!;
    expect(passphrase).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    expect(await page.textContent('[data-testid="request-passphrase"]')).toContain(
      'Read it out to Strand 2 lead by phone',
    );
    await page.waitForSelector('[data-testid="issued-requests"] td:has-text("Awaiting return")');
    const file = JSON.parse(readFileSync(requestFile, 'utf8')) as { kind: string; formatVersion: number };
    expect([file.kind, file.formatVersion]).toEqual(['request', 2]);
    expect(readFileSync(requestFile, 'utf8')).not.toContain('Strand 2 lead');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lets a lead’s fresh copy open the request, write updates in the grid and save the return', async () => {
    const { page, store } = lead;
    await lead.goto('#/exchange');
    await page.waitForSelector('[data-testid="lead-panel"]');
    await page.setInputFiles('#request-file', requestFile);
    const locked = await page.waitForSelector('[data-testid="lead-panel"] [role="alert"]');
    expect(await locked.textContent()).toContain('is locked with a passphrase');
    expect(countRows(store.path, 'SELECT count(*) FROM exchange_inbox')).toBe(0);
    await page.fill('#request-passphrase', passphrase.toLowerCase());
    await page.fill('#lead-name', 'Strand 2 lead');
    await page.click('text=Open the request with this passphrase');
    // The app goes on to Monthly updates on the strand, still saying what the request brought.
    await page.waitForSelector(`[data-testid="updates-grid"][data-strand="${STRAND}"][data-ready="true"]`);
    expect(await page.textContent('[data-testid="request-opened"]')).toContain(`strand ${STRAND}`);
    expect(await page.$('[data-testid="clear-file-warning"]')).toBeNull();
    expect(await page.textContent('.header-user')).toBe(
      `Working as Strand 2 lead, lead for strand ${STRAND}`,
    );
    await tabTo(page, '#updates-grid-focus');
    await page.keyboard.press('Home');
    await page.keyboard.press('a');
    await page.keyboard.press('Enter');
    await page.keyboard.type(NARRATIVE);
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    await page.keyboard.press('g');
    await page.waitForSelector('[data-testid="save-state"][data-state="saved"]');
    expect((await store.updates.working(MONTH, STRAND)).size).toBe(2);

    // Monthly updates from the menu, with no strand named, opens on the lead's own strand.
    await lead.goto('#/home');
    await page.click('nav >> text=Monthly updates');
    await page.waitForSelector(`[data-testid="updates-grid"][data-strand="${STRAND}"][data-ready="true"]`);

    await lead.goto('#/exchange');
    await page.waitForSelector('[data-testid="return-export"]');
    // The name given once is remembered and offered as the return's author.
    expect(await page.inputValue('#return-author')).toBe('Strand 2 lead');
    const saved = await download(page, () => page.click('text=Save return file'));
    expect(saved.name).toBe(`strand-${STRAND}-${MONTH}.bpret`);
    returnFile = saved.path;
    expect(await page.textContent('[data-testid="return-made"]')).toContain('2 updates');
    await page.evaluate(() => document.getElementById('main')?.scrollTo(0, 0));
    await photograph(page, 'exchange-lead');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('refuses a request signed by another secretariat key until the lead confirms it, then opens it', async () => {
    const { page, store } = lead;
    const payload = await payloadOf(requestFile, 'request', store, passphrase);
    const otherKey = generateKeyPair();
    const resent = signedFile(
      join(files, 'resent.bpreq'),
      'request',
      { ...payload, fileId: randomUUID() },
      otherKey,
      await sealedTo(store),
    );
    await lead.goto('#/exchange');
    await page.setInputFiles('#request-file', resent);
    const alert = await page.waitForSelector('[data-testid="lead-panel"] [role="alert"]');
    expect(await alert.textContent()).toContain(
      `signed by a key this copy does not know (${otherKey.fingerprint})`,
    );
    expect(await alert.textContent()).not.toContain('--trust.');
    const trusted = () => countRows(store.path, 'SELECT count(*) FROM trusted_keys');
    const before = trusted();

    await page.click('text=I have confirmed the fingerprint: trust this key and open the request');
    await page.waitForSelector(`[data-testid="updates-grid"][data-strand="${STRAND}"][data-ready="true"]`);
    await page.waitForSelector('[data-testid="request-opened"]');
    expect(await page.textContent('[data-testid="request-opened"]')).toContain(otherKey.fingerprint);
    expect(trusted()).toBe(before + 1);
  });

  it('opens a clear request from an older Board Pack, warning that it was not encrypted', async () => {
    const { page } = lead;
    const payload = await payloadOf(requestFile, 'request', lead.store, passphrase);
    const old = clearV1File(
      join(files, 'old.bpreq'),
      'request',
      { ...payload, fileId: randomUUID() },
      await signingKey(secretariat.store, 'Secretariat'),
    );
    await lead.goto('#/exchange');
    await page.setInputFiles('#request-file', old);
    await page.waitForSelector(`[data-testid="updates-grid"][data-strand="${STRAND}"][data-ready="true"]`);
    await page.waitForSelector('[data-testid="request-opened"]');
    expect(await page.textContent('[data-testid="clear-file-warning"]')).toContain(
      'This file was not encrypted',
    );
  });

  it('refuses a changed copy of the return with its message and changes nothing', async () => {
    const { page, store } = secretariat;
    const changed = join(files, 'changed.bpret');
    const file = JSON.parse(readFileSync(returnFile, 'utf8')) as { ciphertext: string };
    const at = file.ciphertext.length >> 1;
    file.ciphertext = `${file.ciphertext.slice(0, at)}${file.ciphertext[at] === 'A' ? 'B' : 'A'}${file.ciphertext.slice(at + 1)}`;
    writeFileSync(changed, JSON.stringify(file, null, 2));
    await secretariat.goto('#/exchange');
    await page.setInputFiles('#return-file', changed);
    const alert = await page.waitForSelector('[data-testid="return-import"] [role="alert"]');
    expect(await alert.textContent()).toMatch(
      /^changed\.bpret was refused: it has been changed or damaged since it was made/,
    );
    expect((await store.updates.working(MONTH, STRAND)).size).toBe(0);
  });

  it('says what else is wrong with a return from an unknown key, and offers no trust when trusting would not help', async () => {
    const { page, store } = secretariat;
    const payload = await payloadOf(returnFile, 'return', store);
    const stray = { ...payload.updates[0], ref: '1.E.1' };
    const odd = signedFile(
      join(files, 'odd.bpret'),
      'return',
      { ...payload, fileId: randomUUID(), updates: [...payload.updates, stray] },
      generateKeyPair(),
      await sealedTo(store),
    );
    await secretariat.goto('#/exchange');
    await page.setInputFiles('#return-file', odd);
    const alert = await page.waitForSelector('[data-testid="return-import"] [role="alert"]');
    expect(await alert.textContent()).toBe(
      'odd.bpret was refused: it holds updates the request did not ask for: 1.E.1. Nothing was changed.',
    );
    expect(await page.$('[data-testid="trust-step"]')).toBeNull();
    expect((await store.updates.working(MONTH, STRAND)).size).toBe(0);
  });

  it('refuses the return of a lead whose key it does not know, naming the fingerprint; once confirmed, trusts it, shows each update to decide and takes the return in', async () => {
    const { page, store } = secretariat;
    const refs = (await store.plan.objectives({ strandNumber: STRAND, month: MONTH })).map((o) => o.ref);
    // The secretariat recorded the second objective itself after the request went out: a conflict.
    await store.updates.save(
      {
        ref: refs[1],
        month: MONTH,
        status: 'red',
        narrative: OURS,
        author: 'Secretariat',
        state: 'accepted',
      },
      store.now(),
    );
    const before = JSON.stringify(await store.audit.list({ limit: 1000 }));
    await page.setInputFiles('#return-file', returnFile);
    await page.waitForSelector('[data-testid="trust-step"]');
    // Opening the last request took the lead's copy on to Monthly updates; its key is on Exchange files.
    await lead.goto('#/exchange');
    const leadKey = await lead.page.textContent('.offline-own-key .fingerprint');
    const refusal = await page.textContent('[data-testid="trust-step"] [role="alert"]');
    expect(refusal).toContain(
      `does not trust for strand ${STRAND}: ${leadKey}, from "Strand 2 lead". Confirm that fingerprint with the lead by phone or in person`,
    );
    expect(refusal).not.toContain('keys trust');
    expect(await page.textContent('[data-testid="trust-step"] .fingerprint')).toBe(leadKey);
    expect(await seriousViolations(page)).toEqual([]);
    await scrollMainTo(page, '[data-testid="return-import"]');
    await photograph(page, 'exchange-trust');
    expect(JSON.stringify(await store.audit.list({ limit: 1000 }))).toBe(before);
    // By keyboard: on to the button that trusts the key and goes on to take the return in.
    await tabTo(page, '[data-testid="trust-step"] button');
    expect(await page.textContent('[data-testid="trust-step"] button')).toBe(
      'I have confirmed the fingerprint: trust this key and take in the return',
    );
    await page.keyboard.press('Enter');

    await page.waitForSelector('[data-testid="return-review"]');
    const first = `[data-testid="return-review"] tr[data-ref="${refs[0]}"]`;
    expect(await page.textContent(first)).toContain('Amber');
    expect(await page.textContent(first)).toContain(NARRATIVE);
    expect(await seriousViolations(page)).toEqual([]);
    await scrollMainTo(page, '[data-testid="return-import"]');
    await photograph(page, 'exchange');

    const conflict = `[data-testid="return-review"] tr[data-ref="${refs[1]}"]`;
    expect(await page.textContent(conflict)).toContain('Conflict');
    expect(await page.textContent(conflict)).toContain(OURS);
    // By keyboard: into the conflict's choices, down to Keep ours, then mark the other Accept in
    // bulk (the button names how many) and apply.
    await tabTo(page, `${conflict} input[value="accept"]`);
    await page.keyboard.press('ArrowDown');
    expect(await page.isChecked(`${conflict} input[value="reject"]`)).toBe(true);
    await tabTo(page, '[data-testid="accept-undecided"]');
    expect(await page.textContent('[data-testid="accept-undecided"]')).toBe(
      'Mark the 1 update without a decision Accept',
    );
    await page.keyboard.press('Enter');
    await tabTo(page, '[data-testid="return-review"] button.button-primary');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="return-result"]');
    expect(await page.textContent('[data-testid="return-result"]')).toContain('1 accepted, 1 rejected');
    expect(await page.textContent('[data-testid="return-result"]')).toContain(
      `the key ${leadKey} is now trusted for this strand`,
    );
    await page.waitForSelector(`[data-testid="trusted-keys"] td:has-text("${leadKey}")`);

    await secretariat.goto(`#/updates/${STRAND}`);
    await page.waitForSelector(`[data-testid="updates-grid"][data-strand="${STRAND}"][data-ready="true"]`);
    expect(await page.textContent(`[data-testid="updates-grid"] tr[data-ref="${refs[0]}"]`)).toContain(
      'Amber',
    );
    expect((await store.updates.working(MONTH, STRAND)).get(refs[0])?.narrative).toBe(NARRATIVE);
    expect((await store.updates.working(MONTH, STRAND)).get(refs[1])?.narrative).toBe(OURS);
  });
});

describe('spreadsheets and backups', () => {
  it('exports the plan, previews and applies a revised plan, and checks a backup before restoring', async () => {
    const { page, store } = secretariat;
    await secretariat.goto('#/files');
    await page.waitForSelector('[data-testid="plan-import"]');
    await page.selectOption('#plan-format', 'csv');
    const plan = await download(page, () => page.click('text=Export the plan'));
    expect(plan.name).toBe('board-pack-plan.csv');
    const objective = await store.plan.objective('1.P.3');
    const revised = join(files, 'revised-plan.csv');
    writeFileSync(
      revised,
      readFileSync(plan.path, 'utf8').replace(objective.text, 'Develop a risk model with partners.'),
    );
    await page.setInputFiles('#plan-file', revised);
    await page.waitForSelector('[data-testid="plan-preview"]');
    expect(await page.textContent('[data-testid="plan-preview"]')).toContain(
      'Develop a risk model with partners.',
    );
    expect((await store.plan.objective('1.P.3')).text).toBe(objective.text);
    expect(await seriousViolations(page)).toEqual([]);
    await page.evaluate(() => document.getElementById('main')?.scrollTo(0, 0));
    await photograph(page, 'spreadsheets');
    await page.click('[data-testid="plan-preview"] >> text=Apply');
    await page.waitForSelector('[data-testid="plan-applied"]');
    expect(await page.textContent('[data-testid="plan-applied"]')).toContain('1 changed');
    expect((await store.plan.objective('1.P.3')).text).toBe('Develop a risk model with partners.');

    const notOurs = join(files, 'notes.db');
    writeFileSync(notOurs, 'not a database');
    await page.setInputFiles('#restore-file', notOurs);
    await page.waitForSelector('[data-testid="restore-problems"]');
    expect(await page.textContent('[data-testid="restore-problems"]')).toContain('notes.db');
    const backup = await download(page, () => page.click('text=Download a backup now'));
    await page.setInputFiles('#restore-file', backup.path);
    await page.waitForSelector('[data-testid="restore-checked"]');
    expect(await page.textContent('[data-testid="restore-checked"]')).toContain('sound Board Pack database');
    expect(await seriousViolations(page)).toEqual([]);
    await scrollMainTo(page, '#backups');
    await photograph(page, 'backups');
    // The browser bridge cannot close and reopen its database, so it refuses in words, beside the button.
    await page.check('#restore-confirm');
    await page.click('text=Restore this backup');
    const refusal = await page.waitForSelector('[data-testid="restore"] [role="alert"]');
    expect(await refusal.textContent()).toContain('only the desktop app');
  });
});
