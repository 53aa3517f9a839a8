import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createRequest } from '../../electron/exchange/request';
import { openRequest } from '../../electron/exchange/openRequest';
import { createReturn } from '../../electron/exchange/return';
import { importReturn, previewReturn } from '../../electron/exchange/importReturn';
import { installationKey, trustKey } from '../../electron/exchange/keys';
import { dumpDatabase, pinnedIds, secretariatAndLead, type Pair } from './exchange.fixtures';

let pair: Pair;
afterEach(() => pair?.close());

/** Request for strand 8; the secretariat then records its own update for 8.E.1 before the return arrives. */
async function conflictOn(ref: string) {
  pair = await secretariatAndLead();
  const ids = pinnedIds();
  const requestPath = join(pair.dir, 'strand-8.bpreq');
  const { passphrase } = await createRequest(
    pair.secretariat,
    { strandNumber: 8, month: '2007-10', out: requestPath, leadName: 'DCS Lead', actor: 'Secretariat' },
    { newFileId: ids },
  );
  await openRequest(pair.lead, { path: requestPath, actor: 'DCS Lead', passphrase: passphrase ?? undefined });
  for (const o of await pair.lead.plan.objectives({ strandNumber: 8 })) {
    await pair.lead.updates.save(
      {
        ref: o.ref,
        month: '2007-10',
        status: 'amber',
        narrative: `Lead: ${o.ref} at risk, recovery plan agreed.`,
        author: 'DCS Lead',
        state: 'draft',
      },
      pair.lead.now(),
    );
  }
  const returnPath = join(pair.dir, 'strand-8.bpret');
  await createReturn(pair.lead, { out: returnPath, actor: 'DCS Lead' }, { newFileId: ids });
  pair.clock.set('2007-10-06T11:00:00.000Z');
  await pair.secretariat.updates.save(
    {
      ref,
      month: '2007-10',
      status: 'red',
      narrative: 'Secretariat: reported Red by phone on 5 October.',
      author: 'Secretariat',
      state: 'submitted',
    },
    pair.secretariat.now(),
  );
  await trustKey(
    pair.secretariat,
    { fingerprint: (await installationKey(pair.lead))!.fingerprint, name: 'DCS Lead', strandNumber: 8 },
    'Secretariat',
  );
  return returnPath;
}

describe('an update changed at the secretariat after the request went out', () => {
  it('shows both versions side by side in the preview', async () => {
    const returnPath = await conflictOn('8.E.1');
    const preview = await previewReturn(pair.secretariat, returnPath);
    expect(preview.conflicts).toEqual(['8.E.1']);
    const item = preview.updates.find((u) => u.ref === '8.E.1')!;
    expect(item.current).toMatchObject({
      status: 'red',
      narrative: 'Secretariat: reported Red by phone on 5 October.',
      author: 'Secretariat',
      state: 'submitted',
    });
    expect(item.incoming).toMatchObject({
      status: 'amber',
      narrative: 'Lead: 8.E.1 at risk, recovery plan agreed.',
    });
    expect(preview.updates.filter((u) => u.ref !== '8.E.1').every((u) => !u.conflict)).toBe(true);
  });

  it('refuses accept-all until each conflict is decided, naming both versions and changing nothing', async () => {
    const returnPath = await conflictOn('8.E.1');
    const before = dumpDatabase(pair.secretariat);
    await expect(
      importReturn(pair.secretariat, { path: returnPath, actor: 'Secretariat', acceptAll: true }),
    ).rejects.toThrow(
      /keep ours or take theirs: 8\.E\.1: here Red — "Secretariat: reported Red by phone on 5 October\." \(submitted, by Secretariat\); from the lead Amber/,
    );
    expect(dumpDatabase(pair.secretariat)).toEqual(before);
  });

  it('keeps ours when the secretariat chooses to', async () => {
    const returnPath = await conflictOn('8.E.1');
    const result = await importReturn(pair.secretariat, {
      path: returnPath,
      actor: 'Secretariat',
      acceptAll: true,
      decisions: { '8.E.1': 'reject' },
    });
    expect(result.rejected).toEqual(['8.E.1']);
    expect(await pair.secretariat.updates.current('8.E.1', '2007-10')).toMatchObject({
      status: 'red',
      author: 'Secretariat',
      state: 'submitted',
    });
    expect(await pair.secretariat.updates.current('8.E.2', '2007-10')).toMatchObject({
      status: 'amber',
      author: 'DCS Lead',
      state: 'accepted',
    });
  });

  it('takes theirs as a new revision, keeping ours in the history', async () => {
    const returnPath = await conflictOn('8.E.1');
    await importReturn(pair.secretariat, {
      path: returnPath,
      actor: 'Secretariat',
      acceptAll: true,
      decisions: { '8.E.1': 'accept' },
    });
    const history = await pair.secretariat.updates.history('8.E.1', '2007-10');
    expect(history.map((u) => [u.revision, u.status, u.author, u.state])).toEqual([
      [2, 'amber', 'DCS Lead', 'accepted'],
      [1, 'red', 'Secretariat', 'submitted'],
    ]);
  });
});
