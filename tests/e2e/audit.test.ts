// The Audit log screen in Chromium against the bridge: What changed offers every kind of record the
// log holds (exchange files, keys and demo data among them), filtering to one shows only its
// entries, and words typed in the search find a removed thing by the entry that removed it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ENTITIES } from '../../shared/auditEntities';
import { trustKey } from '../../electron/exchange/keys';
import { createRequest } from '../../electron/exchange/request';
import { paperPdf } from '../fixtures/paperPdf';
import { generateKeyPair } from '../integration/exchange.fixtures';
import { openApp, seriousViolations, type AppUnderTest } from './harness';

const PAPER_TITLE = 'Borough knife crime profile, March 2008';

let app: AppUnderTest;
let files: string;
let leadFingerprint: string;

beforeAll(async () => {
  files = mkdtempSync(join(tmpdir(), 'board-pack-audit-'));
  app = await openApp({ demoMonths: 3, now: '2008-03-20T09:00:00Z' });
  const { store } = app;
  const at = store.now();
  leadFingerprint = generateKeyPair().fingerprint;
  await trustKey(
    store,
    { fingerprint: leadFingerprint, name: 'Strand 2 lead', strandNumber: 2 },
    'Secretariat',
  );
  await createRequest(store, {
    strandNumber: 2,
    month: '2008-02',
    out: join(files, 'r.bpreq'),
    actor: 'Secretariat',
  });
  const meeting = await store.meetings.create(
    { title: 'Serious Violence Strategy Board', heldAt: '2008-04-17T10:00', reportingMonth: '2008-03' },
    at,
    'Secretariat',
  );
  const [item] = await store.meetings.setAgenda(
    meeting.id,
    [{ title: 'Performance against the plan', presenter: 'Chair', minutesAllotted: 20 }],
    at,
    'Secretariat',
  );
  const paper = await store.papers.add(
    {
      meetingId: meeting.id,
      agendaItemId: item.id,
      fileName: 'profile.pdf',
      pdf: await paperPdf('Profile', 1),
      title: PAPER_TITLE,
    },
    at,
    'Secretariat',
  );
  await store.papers.remove(paper.id, at, 'Secretariat');
});

afterAll(async () => {
  await app?.close();
  if (files) rmSync(files, { recursive: true, force: true });
});

/** The What column of each row shown, once the table has settled on `count` rows. */
async function rowsWhat(count: number): Promise<string[]> {
  const { page } = app;
  await page.waitForFunction((n) => document.querySelectorAll('.audit-table tbody tr').length === n, count);
  return page.$$eval('.audit-table tbody tr', (trs) => trs.map((tr) => tr.children[2]?.textContent ?? ''));
}

describe('audit log', () => {
  it('offers every kind of record under What changed, in plain words', async () => {
    const { page } = app;
    await app.goto('#/audit');
    await page.waitForSelector('.audit-table');
    const offered = await page.$$eval('#audit-entity option', (options) =>
      options.map((o) => o.textContent ?? ''),
    );
    expect(offered).toEqual(['Anything', ...AUDIT_ENTITIES.map((e) => e.label)]);
    expect(offered).toEqual(
      expect.arrayContaining(['Exchange requests', 'Exchange returns', 'Trusted keys', 'Demo data']),
    );
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows only the trusted keys, the exchange requests or the demo data when filtered to them', async () => {
    const { page } = app;
    await app.goto('#/audit');
    await page.selectOption('#audit-entity', { label: 'Trusted keys' });
    expect(await rowsWhat(1)).toEqual(['Signing key trusted']);
    expect(await page.textContent('.audit-table tbody tr .ref')).toBe(leadFingerprint);

    await page.selectOption('#audit-entity', { label: 'Exchange requests' });
    await page.waitForFunction(() =>
      document.querySelector('.audit-table tbody tr')?.textContent?.includes('Request file made'),
    );
    expect(await rowsWhat(1)).toEqual(['Request file made']);

    await page.selectOption('#audit-entity', { label: 'Demo data' });
    await page.waitForFunction(() =>
      document.querySelector('.audit-table tbody tr')?.textContent?.includes('Demo data loaded'),
    );
    expect(await rowsWhat(1)).toEqual(['Demo data loaded']);
  });

  it('finds a removed paper by its title, including the entry that removed it', async () => {
    const { page } = app;
    await app.goto('#/audit');
    await page.selectOption('#audit-entity', { label: 'Anything' });
    await page.fill('#audit-text', PAPER_TITLE);
    await page.waitForFunction(() =>
      document.querySelector('.audit-table tbody tr')?.textContent?.includes('Paper removed'),
    );
    expect(await rowsWhat(2)).toEqual(['Paper removed', 'Paper attached']);
    expect(await page.textContent('.audit-table tbody tr')).toContain(`“${PAPER_TITLE}” removed from`);
  });
});
