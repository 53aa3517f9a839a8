// The offline workflow from the command line, as a strand lead and the secretariat would type it.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../electron/store/store';
import { cli, dumpDatabase, fixedClock, tempDir } from '../fixtures/databases';

describe('the offline workflow on the command line', () => {
  it("goes from request to accepted updates between two databases, asking to confirm the lead's key", async () => {
    const dir = tempDir();
    const office = join(dir, 'office.db');
    const laptop = join(dir, 'laptop.db');
    const request = join(dir, 'strand-8.bpreq');
    const reply = join(dir, 'strand-8.bpret');
    expect((await cli(['init', '--db', office])).code).toBe(0);

    const issued = await cli([
      'exchange',
      'request',
      '--strand',
      '8',
      '--month',
      '2007-10',
      '--out',
      request,
      '--lead',
      'DCS Lead',
      '--expires',
      '2007-10-25',
      '--db',
      office,
      '--as',
      'Secretariat',
    ]);
    expect(issued.stderr).toBe('');
    expect(issued.stdout).toMatch(/strand 8, 2007-10, 13 objectives, for DCS Lead, expires 2007-10-25/);

    const passphrase =
      /Locked with the passphrase ([0-9A-Z]{4}(?:-[0-9A-Z]{4}){4})\. Read it out to DCS Lead by phone/.exec(
        issued.stdout,
      )![1];
    // A first request is locked with a passphrase; refused without it, leaving no database behind.
    const locked = await cli(['exchange', 'open', request, '--db', laptop, '--as', 'DCS Lead']);
    expect(locked.code).toBe(1);
    expect(locked.stderr).toMatch(/strand-8\.bpreq was refused: it is locked with a passphrase/);
    expect(existsSync(laptop)).toBe(false);
    const wrong = await cli(['exchange', 'open', request, '--passphrase', 'AAAA-BBBB', '--db', laptop]);
    expect(wrong.stderr).toMatch(/that passphrase does not open it/);
    expect(existsSync(laptop)).toBe(false);

    const opened = await cli([
      'exchange',
      'open',
      request,
      '--passphrase',
      passphrase.toLowerCase().replace(/-/g, ' '),
      '--db',
      laptop,
      '--as',
      'DCS Lead',
    ]);
    expect(opened.stderr).toBe('');
    expect(opened.stdout).not.toMatch(/Warning/);
    expect(opened.stdout).toMatch(/is now a working copy of .* for strand 8/);
    const leadKey = /Your key is ([0-9a-f-]{39})/.exec(opened.stdout)![1];

    const leadStore = await openStore(laptop, { seedPlan: null, clock: fixedClock() });
    const refs = (await leadStore.plan.objectives()).map((o) => o.ref);
    await leadStore.close();
    for (const ref of refs) {
      const saved = await cli([
        'update',
        'set',
        ref,
        '--month',
        '2007-10',
        '--status',
        'green',
        '--narrative',
        `On track (${ref}).`,
        '--state',
        'draft',
        '--db',
        laptop,
        '--as',
        'DCS Lead',
      ]);
      expect(saved.stderr).toBe('');
    }
    const returned = await cli(['exchange', 'return', '--out', reply, '--db', laptop, '--as', 'DCS Lead']);
    expect(returned.stdout).toMatch(/13 update\(s\) for strand 8, 2007-10/);

    const before = dumpDatabase(office);
    const refused = await cli([
      'exchange',
      'import',
      reply,
      '--accept-all',
      '--db',
      office,
      '--as',
      'Secretariat',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`does not trust for strand 8: ${leadKey}, from "DCS Lead"`);
    expect(refused.stderr).toContain('or with --trust on the command line');
    const shown = await cli(['exchange', 'import', reply, '--trust', '--db', office]);
    expect(shown.stdout).toMatch(
      /8\.E\.1\n {2}Objective: .*\n {2}Here: {6}nothing yet\n {2}Incoming: {2}Green On track \(8\.E\.1\)\./,
    );
    expect(shown.stdout).toMatch(/Nothing was changed/);
    expect(dumpDatabase(office)).toBe(before);

    expect(
      (
        await cli([
          'keys',
          'trust',
          leadKey.replace(/-/g, '').toUpperCase(),
          '--strand',
          '8',
          '--name',
          'DCS Lead',
          '--db',
          office,
          '--as',
          'Secretariat',
        ])
      ).code,
    ).toBe(0);
    const trusted = dumpDatabase(office);
    const unexplained = await cli([
      'exchange',
      'import',
      reply,
      '--accept-all',
      '--reject',
      '8.E.1',
      '--db',
      office,
      '--as',
      'Secretariat',
    ]);
    expect(unexplained.code).toBe(1);
    expect(unexplained.stderr).toContain('Say why 8.E.1 is rejected');
    expect(dumpDatabase(office)).toBe(trusted);
    const imported = await cli([
      'exchange',
      'import',
      reply,
      '--accept-all',
      '--db',
      office,
      '--as',
      'Secretariat',
    ]);
    expect(imported.stdout).toMatch(/accepted 13/);
    const again = await cli([
      'exchange',
      'import',
      reply,
      '--accept-all',
      '--db',
      office,
      '--as',
      'Secretariat',
    ]);
    expect(again.stderr).toMatch(
      /already imported on 2007-10-01 09:00 UTC by Secretariat\. Nothing was changed\./,
    );

    const store = await openStore(office, { clock: fixedClock() });
    const held = [...(await store.updates.reported('2007-10', 8)).values()];
    await store.close();
    expect(held.map((u) => [u.ref, u.author, u.state])).toEqual(
      refs.map((ref) => [ref, 'DCS Lead', 'accepted']),
    );
    const neither = await cli(['keys', 'trust', leadKey, '--name', 'DCS Lead', '--db', office]);
    expect(neither.stderr).toMatch(/Say either --strand N .* or --secretariat/);
    const secretariatKey = /key ([0-9a-f-]{39})/.exec(issued.stdout)![1];
    const onLaptop = await cli(['keys', 'show', '--db', laptop]);
    expect(onLaptop.stdout).toContain(`${secretariatKey}  Secretariat  secretariat`);
    const keys = await cli(['keys', 'show', '--db', office]);
    expect(keys.stdout).toContain(`${leadKey}  DCS Lead  strand 8`);

    // Once a return has shown the lead's key, the next request is sealed to it: no passphrase.
    const november = join(dir, 'strand-8-2007-11.bpreq');
    const sealed = await cli([
      'exchange',
      'request',
      '--strand',
      '8',
      '--month',
      '2007-11',
      '--out',
      november,
      '--db',
      office,
    ]);
    expect(sealed.stdout).toContain(`Sealed to DCS Lead's key ${leadKey}: only their copy can open it.`);
    expect(sealed.stdout).not.toMatch(/passphrase/);
    const next = await cli(['exchange', 'open', november, '--db', laptop, '--as', 'DCS Lead']);
    expect(next.stderr).toBe('');
    expect(next.stdout).toMatch(/Opened the request for strand 8 .*, 2007-11/);
  });

  it('exports the plan and imports it into a new database, previewing before applying', async () => {
    const dir = tempDir();
    const office = join(dir, 'office.db');
    await cli(['init', '--db', office]);
    expect((await cli(['plan', 'export', '--out', join(dir, 'plan.xlsx'), '--db', office])).stdout).toMatch(
      /Wrote 163 objectives/,
    );
    const fresh = join(dir, 'fresh.db');
    const preview = await cli(['plan', 'import', join(dir, 'plan.xlsx'), '--db', fresh]);
    expect(preview.stdout).toMatch(
      /163 row\(s\); this database has no plan[\s\S]*Added: 163[\s\S]*Nothing was changed/,
    );
    expect(existsSync(fresh)).toBe(false);
    const applied = await cli(['plan', 'import', join(dir, 'plan.xlsx'), '--apply', '--db', fresh]);
    expect(applied.stdout).toMatch(/added 163, changed 0, retired 0/);
    const updates = await cli([
      'updates',
      'export',
      '--from',
      '2007-09',
      '--to',
      '2007-10',
      '--out',
      join(dir, 'updates.csv'),
      '--db',
      fresh,
    ]);
    expect(updates.stdout).toMatch(/Wrote 326 rows/);
  });

  it('makes the daily backup once, and restores a backup keeping the current database', async () => {
    const dir = tempDir();
    const office = join(dir, 'office.db');
    await cli(['init', '--db', office]);
    const folder = join(dir, 'daily');
    expect((await cli(['backup', 'auto', '--folder', folder, '--keep', '2', '--db', office])).stdout).toMatch(
      /Made today's backup/,
    );
    expect((await cli(['backup', 'auto', '--db', office])).stdout).toMatch(
      /already made; nothing new written\.\nKeeping the newest 2/,
    );
    const [daily] = readdirSync(folder);
    const restored = await cli(['restore', join(folder, daily), '--db', office]);
    expect(restored.stderr).toBe('');
    const kept = /kept at (.*)\.\n/.exec(restored.stdout)![1];
    expect(existsSync(kept)).toBe(true);
    expect((await cli(['check', '--db', office])).code).toBe(0);
  });
});
