// Issuing freezes a pack: the same data gives the same bytes, later edits never change an issued
// version, a reissue is version N+1 that says what changed, and verify recognises exact bytes only.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawDatabase } from '../fixtures/databases';
import {
  buildPack,
  issuePack,
  issuedPackPdf,
  listIssuedPacks,
  verifyPackBytes,
  type PackSection,
} from '../../electron/pack/index';
import {
  buildPackFixture,
  flat,
  MONTH,
  pageTexts,
  report,
  tempDir,
  writePdf,
  type PackFixture,
} from './pack.fixtures';

const SECTIONS: PackSection[] = ['cover', 'contents', 'exceptions'];
let fixture: PackFixture;

beforeAll(async () => {
  fixture = await buildPackFixture(tempDir());
});

afterAll(async () => {
  await fixture.store.close();
  rmSync(fixture.dir, { recursive: true, force: true });
});

describe('issuing, freezing and verifying packs', () => {
  it('gives byte-identical PDFs for the same data and options', async () => {
    const first = await buildPack(fixture.store, {
      meetingId: fixture.current.id,
      draft: false,
      sections: SECTIONS,
    });
    const second = await buildPack(fixture.store, {
      meetingId: fixture.current.id,
      draft: false,
      sections: SECTIONS,
    });
    expect(second.sha256).toBe(first.sha256);
    expect(Buffer.compare(first.pdf, second.pdf)).toBe(0);
  });

  it('issues version 1, keeps its bytes through later edits, reissues version 2 saying what changed, and verifies each', async () => {
    const { store, current, reds } = fixture;
    const preview = await buildPack(store, { meetingId: current.id, draft: false, sections: SECTIONS });
    const v1 = await issuePack(store, { meetingId: current.id, sections: SECTIONS }, 'Anna Price');
    expect(v1).toMatchObject({
      meetingId: current.id,
      version: 1,
      reportingMonth: MONTH,
      issuedBy: 'Anna Price',
      sections: SECTIONS,
      changes: [],
    });
    expect(v1.sha256).toBe(preview.sha256);
    const v1Bytes = Buffer.from(await issuedPackPdf(store, v1.id));
    expect(v1Bytes.length).toBe(v1.sizeBytes);

    await report(
      store,
      reds[0].ref,
      MONTH,
      'amber',
      'Recovered to Amber after the funding was restored.',
      'Monitor.',
    );
    expect(Buffer.compare(await issuedPackPdf(store, v1.id), v1Bytes)).toBe(0);
    expect(await listIssuedPacks(store, current.id)).toEqual([v1]);
    const raw = rawDatabase(store.path);
    expect(() =>
      raw.prepare('UPDATE issued_packs SET issued_by = ? WHERE id = ?').run('Someone else', v1.id),
    ).toThrow(/frozen/);
    expect(() => raw.prepare('DELETE FROM issued_packs WHERE id = ?').run(v1.id)).toThrow(
      /kept for the record/,
    );
    raw.close();

    const v2 = await issuePack(store, { meetingId: current.id, sections: SECTIONS }, 'Anna Price');
    expect(v2.version).toBe(2);
    expect(v2.changes).toEqual([`${reds[0].ref}: status Red → Amber; narrative changed; next steps changed`]);
    expect(v2.sha256).not.toBe(v1.sha256);
    const v2Text = flat(
      pageTexts(writePdf(fixture.dir, 'v2.pdf', await issuedPackPdf(store, v2.id))).join('\n'),
    );
    expect(v2Text).toContain('Version 2 replaces version 1.');
    expect(v2Text).toContain('What changed since version 1');
    expect(v2Text).toContain(`${reds[0].ref}: status Red → Amber`);
    expect((await listIssuedPacks(store)).map((p) => p.version)).toEqual([1, 2]);

    expect((await verifyPackBytes(store, v1Bytes)).match?.version).toBe(1);
    expect((await verifyPackBytes(store, await issuedPackPdf(store, v2.id))).match?.version).toBe(2);
    const tampered = Buffer.from(v1Bytes);
    tampered[Math.floor(tampered.length / 2)] ^= 0x01;
    const verdict = await verifyPackBytes(store, tampered);
    expect(verdict.match).toBeNull();
    expect(verdict.sha256).not.toBe(v1.sha256);
  });
});
