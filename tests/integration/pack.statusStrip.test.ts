// Each strand report row carries a strip of the objective's last six months (issue 16, part 7),
// read back from a real PDF: a letter per reported month, a hollow box for No update, the months
// it covers as its caption, and nothing from before the plan began.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPack } from '../../electron/pack/index';
import type { Store } from '../../electron/store/store';
import { meeting, packStore, report, tempDir } from './pack.fixtures';
import { readPdf } from '../support/pdf';

let dir: string;
let store: Store;

beforeAll(async () => {
  dir = tempDir();
  store = await packStore(dir);
  await report(store, '4.E.1', '2007-05', 'red', 'Off track.');
  await report(store, '4.E.1', '2007-06', 'amber', 'Recovering.');
  await report(store, '4.E.1', '2007-08', 'green');
  await report(store, '4.E.1', '2007-09', 'complete');
  await report(store, '4.E.1', '2007-10', 'complete');
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function strandPageRows(month: string, heldAt: string): Promise<string[]> {
  const m = await meeting(store, heldAt, month);
  const built = await buildPack(store, { meetingId: m.id, draft: true, sections: ['strands'] });
  const pdf = readPdf(built.pdf);
  return pdf.pageTexts().flatMap((t) => t.split('\n'));
}

describe('the status strip in a strand report', () => {
  it('shows the last six months, oldest first, a letter per reported month and a hollow box for a month with none', async () => {
    const lines = await strandPageRows('2007-10', '2007-11-15T10:00');
    const row = lines.findIndex((l) => l.startsWith('4.E.1'));
    const at = lines.findIndex((l, i) => i > row && l.startsWith('May–Oct'));
    expect(row).toBeGreaterThan(-1);
    expect(lines[at + 1].replace(/\s/g, '')).toBe('■R■A□■G■C■C');
  });

  it('leaves out months before the plan began', async () => {
    const lines = await strandPageRows('2007-05', '2007-06-15T10:00');
    const row = lines.findIndex((l) => l.startsWith('4.E.1'));
    const at = lines.findIndex((l, i) => i > row && l.startsWith('Apr–May'));
    expect(lines[at + 1].replace(/\s/g, '')).toBe('□■R');
  });
});
