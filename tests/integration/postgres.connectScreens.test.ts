// The connect dialog's way through to the run's real PostgreSQL server, in Chromium against the
// bridge answering through a desktop session (as the Electron window does): connected, every
// screen starts again on the shared database; the header and the window title name it; Settings
// says where it is, who this desk connects as and how, and offers no backup controls, nor does the
// backups screen; Settings still saves. With BOARD_PACK_SCREENSHOTS=<folder> set, the dialog,
// Settings and the backups are photographed at 1366×768 and 1024×768.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_BACKUPS_MESSAGE } from '../../shared/contract';
import { newPostgresDatabase } from '../fixtures/postgres';
import { fakeKeeper } from '../fixtures/secretKeeper';
import { openApp, seriousViolations, type AppUnderTest } from '../e2e/harness';

let app: AppUnderTest;
const shots = process.env.BOARD_PACK_SCREENSHOTS;
const saved = { PGPASSWORD: process.env.PGPASSWORD, PGPASSFILE: process.env.PGPASSFILE };

beforeAll(async () => {
  delete process.env.PGPASSWORD;
  process.env.PGPASSFILE = '/nonexistent/board-pack-test-pgpass';
  const memory = {
    file: join(mkdtempSync(join(tmpdir(), 'board-pack-memory-')), 'database.json'),
    keeper: fakeKeeper(),
  };
  app = await openApp({ memory });
});

afterAll(async () => {
  await app?.close();
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

/** Photographs the screen from its top, or with the element `shown` (a CSS selector) scrolled into view. */
async function photograph(name: string, shown?: string): Promise<void> {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  const frame = async () => {
    if (shown) await app.page.locator(shown).scrollIntoViewIfNeeded();
    else await app.page.evaluate(() => document.getElementById('main')?.scrollTo(0, 0));
  };
  await frame();
  await app.page.screenshot({ path: join(shots, `${name}.png`) });
  await app.page.setViewportSize({ width: 1024, height: 768 });
  await frame();
  await app.page.screenshot({ path: join(shots, `${name}-1024.png`) });
  await app.page.setViewportSize({ width: 1366, height: 768 });
}

describe('connecting from the dialog to a shared database', () => {
  let name = '';

  it('connects, says the password is kept, and starts every screen again on the shared database', async () => {
    const url = new URL(await newPostgresDatabase({ migrated: true }));
    const database = url.pathname.slice(1);
    name = `${url.hostname}:${url.port}/${database}`;
    await app.goto('#/connect');
    await app.page.waitForSelector('form[aria-labelledby="connect-form-title"]');
    await app.page.locator('#connect-host').fill(url.hostname);
    await app.page.locator('#connect-port').fill(url.port);
    await app.page.locator('#connect-database').fill(database);
    await app.page.locator('#connect-user').fill(url.username);
    await app.page.locator('#connect-password').fill(decodeURIComponent(url.password));
    await app.page.locator('#connect-tls-disable').check();
    await photograph('connect-filled');
    await app.page.getByRole('button', { name: 'Connect' }).click();

    const done = app.page.locator('[aria-labelledby="connected-title"]');
    await done.waitFor();
    await photograph('connected');
    expect(await done.textContent()).toContain(
      `Board Pack now works on the shared database at ${name} as ${url.username}`,
    );
    expect(await done.textContent()).toContain(
      'The password is kept on this computer, encrypted by the operating system.',
    );
    await app.page.getByRole('button', { name: 'Go to Home' }).click();
    await app.page.waitForSelector('[data-testid="shared-database-name"]');
    const shown = app.page.locator('[data-testid="shared-database-name"]');
    expect(await shown.textContent()).toBe(`Shared: ${name.split('/')[1]} on ${name.split(':')[0]}`);
    expect(await shown.getAttribute('title')).toBe(`Shared database ${name}`);
    expect(await app.page.title()).toMatch(new RegExp(` – ${name.replace(/[.]/g, '\\.')} – Board Pack$`));
  });

  it('shows in Settings where the shared database is and how it is reached, with no backup controls', async () => {
    await app.goto('#/settings');
    const facts = app.page.locator('[data-testid="shared-database"]');
    await facts.waitFor();
    const [host, rest] = name.split(':');
    const [port, database] = rest.split('/');
    const text = await facts.textContent();
    expect(text).toContain(`Shared database${database} on ${host}, port ${port}`);
    expect(text).toContain('Connected asboard_pack');
    expect(text).toContain('Connectionnot encrypted (the server is on this computer)');
    expect(text).toContain(SHARED_BACKUPS_MESSAGE);
    expect(await app.page.locator('#set-backup-folder, #set-backup-schedule').count()).toBe(0);
    expect(await app.page.getByRole('button', { name: 'Back up now' }).count()).toBe(0);
    expect(await seriousViolations(app.page)).toEqual([]);
    await photograph('settings-shared');

    await app.page.locator('#set-board').fill('Shared Strategy Board');
    await app.page.getByRole('button', { name: 'Save settings' }).click();
    await app.page.getByText('Settings saved.').waitFor();
    expect((await app.bridge.services.store.plan.summary()).boardName).toBe('Shared Strategy Board');
  });

  it('says who backs a shared database up on the backups screen, instead of offering to', async () => {
    await app.goto('#/files');
    const backups = app.page.locator('#backups');
    await backups.waitFor();
    expect(await backups.textContent()).toContain(SHARED_BACKUPS_MESSAGE);
    expect(await app.page.getByRole('button', { name: 'Download a backup now' }).count()).toBe(0);
    // The store says the same through the contract: no folder beside a server's address.
    expect(await app.page.evaluate(() => window.boardPack?.call('backups.settings'))).toEqual({
      ok: true,
      value: { folder: '', keep: 14, noBackups: SHARED_BACKUPS_MESSAGE },
    });
    await photograph('backups-shared', '#backups');
  });
});
