// A pack reports on an objective only from its start month until before its retirement month, read
// back from small real PDFs: an objective added in October is not "No update" in September's pack.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPack } from '../../electron/pack/index';
import type { Store } from '../../electron/store/store';
import { flat, meeting, packStore, report, tempDir, writePdf } from './pack.fixtures';
import { readPdf } from '../support/pdf';

const NEW_TEXT = 'Review every knife-crime arrest within 48 hours';
let dir: string;
let store: Store;
let addedRef: string;
let retiredRef: string;

beforeAll(async () => {
  dir = tempDir();
  store = await packStore(dir);
  addedRef = (
    await store.plan.addObjective(
      {
        strandNumber: 4,
        theme: 'Enforcement',
        themeCode: 'E',
        text: NEW_TEXT,
        year: 'Year 1',
        startMonth: '2007-10',
      },
      store.now(),
      'Secretariat',
    )
  ).ref;
  retiredRef = (await store.plan.objectives({ strandNumber: 4 }))[0].ref;
  await report(store, retiredRef, '2007-09', 'green');
  await store.plan.retireObjective(retiredRef, '2007-10', store.now(), 'Secretariat');
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The strand reports and the exceptions of a pack for a meeting reporting on `month`, as one line. */
async function packText(month: string, heldAt: string): Promise<string> {
  const m = await meeting(store, heldAt, month);
  const built = await buildPack(store, { meetingId: m.id, draft: true, sections: ['exceptions', 'strands'] });
  return flat(
    readPdf(writePdf(dir, `pack-${month}.pdf`, built.pdf))
      .pageTexts()
      .join('\n'),
  );
}

const mentions = (text: string, ref: string) =>
  new RegExp(`(^|\\s)${ref.replace(/\./g, '\\.')}(\\s|$)`).test(text);

describe('a pack and the months an objective reports in', () => {
  it('leaves an objective added in October out of the September pack, and keeps one retired from October', async () => {
    const september = await packText('2007-09', '2007-10-18T10:00');
    expect(mentions(september, addedRef)).toBe(false);
    expect(september).not.toContain(flat(NEW_TEXT));
    expect(mentions(september, retiredRef)).toBe(true);
  });

  it('shows the new objective as No update from October, and leaves out the one retired from October', async () => {
    const october = await packText('2007-10', '2007-11-15T10:00');
    expect(mentions(october, addedRef)).toBe(true);
    expect(october).toContain(flat(NEW_TEXT));
    expect(mentions(october, retiredRef)).toBe(false);
  });
});
