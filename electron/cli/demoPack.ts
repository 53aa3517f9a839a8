// "npm run demo:pack": a newcomer's first look. Makes a demo database in a temporary folder, loads
// six months of demo updates and meetings, and writes the full pack for the coming meeting to
// ./board-pack-demo.pdf, through the same contract methods as the app (demo.load, packs.build).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { monthLabel } from '../../shared/months';
import { openStore } from '../store/store';
import { CliDoor } from './context';
import { createServices } from '../handlers/index';

export async function demoPack(
  out = resolve('board-pack-demo.pdf'),
): Promise<{ path: string; pages: number; seconds: number }> {
  const folder = mkdtempSync(join(tmpdir(), 'board-pack-demo-'));
  const database = join(folder, 'demo.db');
  // A fixed clock: the demo database, and so the pack, is the same on every run.
  const store = await openStore(database, {
    clock: () => new Date('2007-10-12T09:00:00Z'),
    actor: 'Board Pack demo',
  });
  try {
    let logged: unknown = null;
    const services = createServices(store, {
      door: 'cli',
      defaultActor: 'Board Pack demo',
      log: (_context, error) => {
        logged = error;
      },
    });
    const door = new CliDoor(services, () => logged);
    await door.call('demo.load', { months: 6 });
    const meeting = (await door.call('meetings.list', {})).at(-1);
    if (!meeting) throw new Error('The demo data made no meeting.');
    const started = performance.now();
    const built = await door.call('packs.build', { meetingId: meeting.id, draft: false });
    const seconds = (performance.now() - started) / 1000;
    const pdf = Buffer.from(built.pdfBase64, 'base64');
    writeFileSync(out, pdf);
    process.stdout.write(
      `Demo database: ${database}\n` +
        `Board pack for ${meeting.title}, ${meeting.heldAt.replace('T', ' ')} (reporting on ${monthLabel(meeting.reportingMonth)})\n` +
        `Wrote ${out}: ${built.pages} pages, ${(pdf.length / 1024).toFixed(0)} KB, built in ${seconds.toFixed(2)} s.\n`,
    );
    return { path: out, pages: built.pages, seconds };
  } finally {
    await store.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await demoPack();
