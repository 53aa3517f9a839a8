// The connect dialog in Chromium, against the bridge answering through a desktop session (as the
// Electron window does), with no database server: each field's refusal is said beside it and
// focus goes to the first; no unencrypted choice is offered for another computer; a server that
// does not answer is said in one sentence, what was typed stays, and the database file stays open.
// At start-up, waiting for a remembered server's password, the dialog is all there is.
// The way through to a real server is tests/integration/postgres.connect*.test.ts. With
// BOARD_PACK_SCREENSHOTS=<folder> set, the dialog is photographed at 1366×768 and 1024×768.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge } from '../../electron/bridge/index';
import { DatabaseSession } from '../../electron/shell/databaseSession';
import { fieldsOfAddress } from '../../electron/shell/sharedAddress';
import { closedPort, fakeKeeper } from '../fixtures/secretKeeper';
import { openApp, seriousViolations, type AppUnderTest } from './harness';
import { measureReflow, reflowFaults } from './reflow';

let app: AppUnderTest;
const shots = process.env.BOARD_PACK_SCREENSHOTS;

beforeAll(async () => {
  const memory = {
    file: join(mkdtempSync(join(tmpdir(), 'board-pack-memory-')), 'database.json'),
    keeper: fakeKeeper(),
  };
  app = await openApp({ memory });
});

afterAll(async () => {
  await app?.close();
});

async function openDialog(): Promise<void> {
  await app.goto('#/connect');
  await app.page.waitForSelector('form[aria-labelledby="connect-form-title"]');
}

async function errorOf(id: string): Promise<string | null> {
  const field = app.page.locator(`#${id}`);
  if ((await field.getAttribute('aria-invalid')) !== 'true') return null;
  const described = (await field.getAttribute('aria-describedby')) ?? '';
  const errorId = described.split(' ').find((part) => part.endsWith('-error'));
  return errorId ? app.page.locator(`#${errorId}`).textContent() : null;
}

describe('the connect dialog', () => {
  it('is reached from Settings, with every field labelled and no serious accessibility problem', async () => {
    await app.goto('#/settings');
    await app.page.getByRole('link', { name: 'connect to a shared database' }).click();
    await app.page.waitForSelector('form[aria-labelledby="connect-form-title"]');
    expect(await app.page.title()).toBe('Connect to a shared database – Board Pack');
    for (const label of ['Server', 'Port', 'Database', 'User name', 'Password'])
      expect(await app.page.getByLabel(label, { exact: true }).count()).toBe(1);
    expect(await app.page.locator('#connect-port').inputValue()).toBe('5432');
    expect(await app.page.locator('#connect-tls-verify-full').isChecked()).toBe(true);
    expect(await seriousViolations(app.page)).toEqual([]);
  });

  it('says what each field needs beside it, and puts focus on the first', async () => {
    await openDialog();
    await app.page.locator('#connect-port').fill('54x');
    await app.page.getByRole('button', { name: 'Connect' }).click();
    expect(await errorOf('connect-host')).toBe('Say which server the shared database is on.');
    expect(await errorOf('connect-port')).toBe('The port is a number from 1 to 65535.');
    expect(await errorOf('connect-database')).toBe('Say which database on the server holds the plan.');
    expect(await errorOf('connect-user')).toBe('Say which user name to connect as.');
    expect(await errorOf('connect-password')).toBeNull();
    expect(await app.page.evaluate(() => document.activeElement?.id)).toBe('connect-host');
    expect(await seriousViolations(app.page)).toEqual([]);
  });

  it('offers no unencrypted connection to another computer', async () => {
    await openDialog();
    await app.page.locator('#connect-host').fill('127.0.0.1');
    await app.page.locator('#connect-tls-disable').check();
    await app.page.locator('#connect-host').fill('db.example.org');
    expect(await app.page.locator('#connect-tls-disable').count()).toBe(0);
    expect(await app.page.locator('#connect-tls-verify-full').isChecked()).toBe(true);
  });

  it('reflows at 320×640 CSS px: nothing scrolls sideways and no field is too narrow to read', async () => {
    await openDialog();
    await app.page.setViewportSize({ width: 320, height: 640 });
    try {
      expect(reflowFaults(await measureReflow(app.page))).toEqual([]);
    } finally {
      await app.page.setViewportSize({ width: 1366, height: 768 });
    }
  });

  it('says a server that does not answer cannot be reached, keeps what was typed and the database file open', async () => {
    const port = await closedPort();
    await openDialog();
    await app.page.locator('#connect-host').fill('127.0.0.1');
    await app.page.locator('#connect-port').fill(String(port));
    await app.page.locator('#connect-database').fill('board_pack');
    await app.page.locator('#connect-user').fill('secretariat');
    await app.page.locator('#connect-password').fill('typed once');
    await app.page.locator('#connect-tls-disable').check();
    await app.page.getByRole('button', { name: 'Connect' }).click();
    const alert = app.page.locator('form[aria-labelledby="connect-form-title"] [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      `The shared database at 127.0.0.1:${port}/board_pack cannot be reached: the server or the network is down, or the server's name or port is wrong.`,
    );
    expect(await app.page.locator('#connect-password').inputValue()).toBe('typed once');
    // The open database answers: the banner for a database that cannot be reached stays down.
    expect(await app.page.locator('[data-testid="unreachable-banner"]').count()).toBe(0);
    if (shots) {
      mkdirSync(shots, { recursive: true });
      await app.page.screenshot({ path: join(shots, 'connect.png') });
      await app.page.setViewportSize({ width: 1024, height: 768 });
      await app.page.screenshot({ path: join(shots, 'connect-1024.png') });
      await app.page.setViewportSize({ width: 1366, height: 768 });
    }
    await app.goto('#/settings');
    await app.page.waitForSelector('#db-label');
    expect(await app.page.locator('[aria-labelledby="db-label"]').textContent()).toBe(app.dbPath);
  });

  it('takes a CA certificate file to verify the server with, and says beside it what is wrong with one it cannot use', async () => {
    const port = await closedPort();
    const dir = mkdtempSync(join(tmpdir(), 'board-pack-ca-'));
    const notPem = join(dir, 'force-ca.der');
    writeFileSync(notPem, '0\x82\x01 binary');
    const pem = join(dir, 'force-ca.pem');
    writeFileSync(pem, '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n');
    await openDialog();
    await app.page.locator('#connect-host').fill('127.0.0.1');
    await app.page.locator('#connect-port').fill(String(port));
    await app.page.locator('#connect-database').fill('board_pack');
    await app.page.locator('#connect-user').fill('secretariat');
    const caFile = app.page.locator('#connect-caFile');
    // Asked for only when the certificate is verified.
    await app.page.locator('#connect-tls-require').check();
    expect(await caFile.count()).toBe(0);
    await app.page.locator('#connect-tls-verify-full').check();
    expect(await app.page.getByLabel('CA certificate file (optional)').count()).toBe(1);

    const connect = () => app.page.getByRole('button', { name: 'Connect' }).click();
    await caFile.fill('force-ca.pem');
    await connect();
    expect(await errorOf('connect-caFile')).toBe(
      'The CA certificate file is named by its full path, e.g. /etc/ssl/certs/force-ca.pem or C:\\Certificates\\force-ca.pem.',
    );
    expect(await app.page.evaluate(() => document.activeElement?.id)).toBe('connect-caFile');

    await caFile.fill(join(dir, 'missing.pem'));
    await connect();
    await app.page.locator('#connect-caFile-error').waitFor();
    expect(await errorOf('connect-caFile')).toBe(
      `The CA certificate file ${join(dir, 'missing.pem')} is not there: check the path, or ask whoever runs the server for the file.`,
    );
    expect(await app.page.evaluate(() => document.activeElement?.id)).toBe('connect-caFile');
    expect(
      await app.page.locator('form[aria-labelledby="connect-form-title"] > [role="alert"]').count(),
    ).toBe(0);

    await caFile.fill(notPem);
    await connect();
    await expect
      .poll(() => errorOf('connect-caFile'))
      .toMatch(/force-ca\.der does not hold a certificate in PEM form/);
    expect(await seriousViolations(app.page)).toEqual([]);
    if (shots) {
      mkdirSync(shots, { recursive: true });
      await app.page.screenshot({ path: join(shots, 'connect-ca.png'), fullPage: true });
      await app.page.setViewportSize({ width: 1024, height: 768 });
      await app.page.screenshot({ path: join(shots, 'connect-ca-1024.png'), fullPage: true });
      await app.page.setViewportSize({ width: 1366, height: 768 });
    }

    // A PEM file passes: the server itself is tried next, and here it does not answer.
    await caFile.fill(pem);
    await connect();
    const alert = app.page.locator('form[aria-labelledby="connect-form-title"] > [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('cannot be reached');
    expect(await errorOf('connect-caFile')).toBeNull();
    expect(await caFile.inputValue()).toBe(pem);
  });
});

describe('the app waiting at start for a shared database’s password', () => {
  it('shows only the dialog, saying why, with the server filled in; a server that does not answer is said there', async () => {
    const port = await closedPort();
    const address = `postgres://secretariat@127.0.0.1:${port}/board_pack?sslmode=disable`;
    const fields = fieldsOfAddress(address);
    if (!fields) throw new Error('the address was not read');
    const reason = `The shared database at 127.0.0.1:${port}/board_pack asks for a password, and none was given. Enter it, or ask whoever runs the server for access.`;
    const memory = {
      file: join(mkdtempSync(join(tmpdir(), 'board-pack-memory-')), 'database.json'),
      keeper: fakeKeeper(),
    };
    const bridge = await startBridge({
      session: DatabaseSession.awaiting({ address, fields, reason }, { door: 'bridge', memory }),
    });
    const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
    try {
      const page = await context.newPage();
      await page.goto(bridge.url);
      await page.waitForSelector('form[aria-labelledby="connect-form-title"]');
      expect(await page.locator('nav[aria-label="Main"]').count()).toBe(0);
      expect(await page.locator('.connect-reason').textContent()).toContain(reason);
      expect(await page.locator('.connect-reason').textContent()).toContain('File → Open database…');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('connect-password');
      expect(await page.locator('#connect-host').inputValue()).toBe('127.0.0.1');
      expect(await page.locator('#connect-port').inputValue()).toBe(String(port));
      expect(await page.locator('#connect-database').inputValue()).toBe('board_pack');
      expect(await page.locator('#connect-user').inputValue()).toBe('secretariat');
      expect(await page.locator('#connect-tls-disable').isChecked()).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      if (shots) {
        mkdirSync(shots, { recursive: true });
        await page.screenshot({ path: join(shots, 'connect-awaiting.png') });
        await page.setViewportSize({ width: 1024, height: 768 });
        await page.screenshot({ path: join(shots, 'connect-awaiting-1024.png') });
      }
      await page.locator('#connect-password').fill('typed once');
      await page.getByRole('button', { name: 'Connect' }).click();
      const alert = page.locator('form[aria-labelledby="connect-form-title"] [role="alert"]');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('cannot be reached');
    } finally {
      await context.close();
      await bridge.close();
    }
  });
});
