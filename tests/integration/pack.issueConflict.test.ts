// Two desks issuing the same meeting's pack: the version comes from the database inside the issuing
// transaction, so the second desk to issue a version is refused in words (who issued it, when, at
// which desk, and the version to build next), and no second pack of that version is kept. On a
// file, or on the test server in the store-postgres project.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoardPackError } from '../../shared/errors';
import { issuePack, listIssuedPacks } from '../../electron/pack/index';
import { openStore, type Store } from '../../electron/store/store';
import { countRowsIn, newDatabaseLocation, tempDir } from '../fixtures/databases';

const AT = '2007-10-10T14:05:00.000Z';
const ISSUED_BY_JO =
  /^Version 1 of this pack was issued at \d\d:\d\d on SVB-LAPTOP by Jo Bloggs; build again to issue version 2\.$/;

let location: string;
let secretariat: Store;
let laptop: Store;
let meetingId: number;

beforeEach(async () => {
  location = await newDatabaseLocation(tempDir(), 'board.db');
  const clock = () => new Date(AT);
  secretariat = await openStore(location, { clock, desk: 'SVB-DESK-1/aaaaaa' });
  laptop = await openStore(location, { clock, desk: 'SVB-LAPTOP/bbbbbb' });
  meetingId = (
    await secretariat.meetings.create(
      { title: 'Serious Violence Strategy Board', heldAt: '2007-10-18T10:00', reportingMonth: '2007-09' },
      AT,
      'Secretariat',
      ['Apologies'],
    )
  ).id;
});

afterEach(async () => {
  await secretariat?.close();
  await laptop?.close();
});

async function refusal(issuing: Promise<unknown>): Promise<BoardPackError> {
  const error: unknown = await issuing.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof BoardPackError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

const issuedRows = () =>
  countRowsIn(secretariat, 'SELECT count(*) FROM issued_packs WHERE meeting_id = ?', meetingId);

describe('two desks issuing the same version of a pack', () => {
  it('issues it from the first desk and refuses the second in words, keeping one version 1', async () => {
    const first = await issuePack(laptop, { meetingId, sections: ['cover'], version: 1 }, 'Jo Bloggs');
    expect(first.version).toBe(1);

    const refused = await refusal(
      issuePack(secretariat, { meetingId, sections: ['cover'], version: 1 }, 'Secretariat'),
    );

    expect(refused.code).toBe('edit_conflict');
    expect(refused.message).toMatch(ISSUED_BY_JO);
    expect((await listIssuedPacks(secretariat, meetingId)).map((p) => [p.version, p.issuedBy])).toEqual([
      [1, 'Jo Bloggs'],
    ]);
    expect(await countRowsIn(secretariat, "SELECT count(*) FROM audit_log WHERE action = 'pack.issue'")).toBe(
      1,
    );
  });

  it('lets the unique version decide when both desks built the same version at once', async () => {
    const first = await issuePack(laptop, { meetingId, sections: ['cover'], version: 1 }, 'Jo Bloggs');
    // What a desk that read the versions before the first desk committed goes on to store (on a
    // server both can get this far; one file lets only one writer in at a time).
    const refused = await refusal(
      secretariat.packs.insert({
        meetingId,
        version: 1,
        reportingMonth: '2007-09',
        optionsJson: '{}',
        sha256: 'f'.repeat(64),
        pdf: Buffer.from('%PDF-1.7 the second desk'),
        snapshotJson: '{}',
        changesJson: '[]',
        issuedAt: AT,
        issuedBy: 'Secretariat',
      }),
    );
    expect(refused.code).toBe('edit_conflict');
    expect(refused.message).toMatch(ISSUED_BY_JO);
    expect(await issuedRows()).toBe(1);
    expect((await secretariat.packs.latest(meetingId))?.sha256).toBe(first.sha256);
  });

  it('issues the next version when none is named, as the command line does', async () => {
    await issuePack(laptop, { meetingId, sections: ['cover'] }, 'Jo Bloggs');
    const second = await issuePack(
      secretariat,
      { meetingId, sections: ['cover'], notes: ['Cover reworded.'] },
      'Secretariat',
    );
    expect(second.version).toBe(2);
  });
});
