// "npm run demo:pack": a newcomer's first look. Makes a demo database in a temporary folder, loads
// six months of demo updates and meetings, and writes the full pack for the coming meeting to
// ./board-pack-demo.pdf.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { monthLabel } from '../../shared/months';
import { loadDemo } from '../demo/generate';
import { buildPack } from '../pack/index';
import { openStore } from '../store/store';

export async function demoPack(
  out = resolve('board-pack-demo.pdf'),
): Promise<{ path: string; pages: number; seconds: number }> {
  const folder = mkdtempSync(join(tmpdir(), 'board-pack-demo-'));
  const database = join(folder, 'demo.db');
  // A fixed clock: the demo database, and so the pack, is the same on every run.
  const store = openStore(database, {
    clock: () => new Date('2007-10-12T09:00:00Z'),
    actor: 'Board Pack demo',
  });
  try {
    loadDemo(store, { months: 6 });
    const meeting = store.meetings.list().at(-1);
    if (!meeting) throw new Error('The demo data made no meeting.');
    const started = performance.now();
    const built = await buildPack(store, { meetingId: meeting.id, draft: false });
    const seconds = (performance.now() - started) / 1000;
    writeFileSync(out, built.pdf);
    process.stdout.write(
      `Demo database: ${database}\n` +
        `Board pack for ${meeting.title}, ${meeting.heldAt.replace('T', ' ')} (reporting on ${monthLabel(meeting.reportingMonth)})\n` +
        `Wrote ${out}: ${built.pages} pages, ${(built.pdf.length / 1024).toFixed(0)} KB, built in ${seconds.toFixed(2)} s.\n`,
    );
    return { path: out, pages: built.pages, seconds };
  } finally {
    store.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await demoPack();
