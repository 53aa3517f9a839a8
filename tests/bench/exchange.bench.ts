// Exchange and spreadsheet benchmark: sizes of a request and a return for the largest strand of
// the built-in plan, the time to import a return of 100 updates, the XLSX exports of the built-in
// plan with 24 months of demo updates, and how fast a 50 MB file is refused.
// Run alone: npx tsx tests/bench/exchange.bench.ts
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadDemo } from '../../electron/demo/generate';
import { createRequest } from '../../electron/exchange/request';
import { openRequest } from '../../electron/exchange/openRequest';
import { createReturn } from '../../electron/exchange/return';
import { importReturn } from '../../electron/exchange/importReturn';
import { installationKey, trustKey } from '../../electron/exchange/keys';
import { loadBuiltInPlan } from '../../electron/store/planFile';
import type { PlanFile } from '../../shared/planFile';
import { exportPlan } from '../../electron/plan/spreadsheetPlan';
import { exportUpdates } from '../../electron/plan/spreadsheetUpdates';
import { openStore, type Store } from '../../electron/store/store';
import { addMonths } from '../../shared/months';
import type { Status, Strand } from '../../shared/domain';

const dir = mkdtempSync(join(tmpdir(), 'bp-bench-exchange-'));
const STATUSES: Status[] = ['green', 'amber', 'red', 'complete', 'not_started'];
const NARRATIVE =
  'Progress reviewed at the monthly tasking and co-ordination meeting. Two borough operations ran this month; ' +
  'partnership work with the local authority continues and the data-sharing protocol was signed. Recovery plan in hand.';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

/** Lead writes a full update for every objective of the request it opened. */
async function leadAnswers(lead: Store, month: string, strandNumber: number): Promise<void> {
  for (const [i, o] of (await lead.plan.objectives({ strandNumber })).entries()) {
    await lead.updates.save(
      {
        ref: o.ref,
        month,
        status: STATUSES[i % 5],
        narrative: NARRATIVE,
        nextSteps: 'Report to the next board.',
        risks: i % 3 ? '' : 'Resourcing.',
        author: 'DCS Lead',
        state: 'draft',
      },
      lead.now(),
    );
  }
}

async function roundTrip(secretariat: Store, lead: Store, strandNumber: number, month: string, tag: string) {
  const requestPath = join(dir, `${tag}.bpreq`);
  const returnPath = join(dir, `${tag}.bpret`);
  const request = await createRequest(secretariat, {
    strandNumber,
    month,
    out: requestPath,
    leadName: 'DCS Lead',
    actor: 'Secretariat',
  });
  await openRequest(lead, {
    path: requestPath,
    actor: 'DCS Lead',
    passphrase: request.passphrase ?? undefined,
  });
  await leadAnswers(lead, month, strandNumber);
  const returned = await createReturn(lead, { out: returnPath, actor: 'DCS Lead' });
  await trustKey(
    secretariat,
    { fingerprint: (await installationKey(lead))!.fingerprint, name: 'DCS Lead', strandNumber },
    'Secretariat',
  );
  return { request, returned, returnPath };
}

// 1. Sizes for the largest strand, with last month's accepted demo updates in the request.
{
  const clock = () => new Date('2009-03-20T09:00:00.000Z');
  const secretariat = await openStore(join(dir, 'sizes-office.db'), { clock });
  await loadDemo(secretariat, { months: 24 });
  const lead = await openStore(join(dir, 'sizes-laptop.db'), { clock, seedPlan: null });
  const sizes: { s: Strand; n: number }[] = [];
  for (const s of await secretariat.plan.strands())
    sizes.push({ s, n: (await secretariat.plan.objectives({ strandNumber: s.number })).length });
  const largest = sizes.sort((a, b) => b.n - a.n)[0];
  const month = addMonths((await secretariat.plan.summary()).startMonth, 23);
  const { request, returned } = await roundTrip(secretariat, lead, largest.s.number, month, 'largest');
  console.log(`Largest strand: ${largest.s.number} (${largest.n} objectives), month ${month}`);
  console.log(`  request file: ${(request.bytes / 1024).toFixed(1)} KB (with last month's accepted updates)`);
  console.log(
    `  return file:  ${(returned.bytes / 1024).toFixed(1)} KB (${returned.updates} updates, ${NARRATIVE.length}-character narratives)`,
  );

  // 3. XLSX exports of the built-in plan with 24 months of updates.
  const planTimes: number[] = [];
  const updateTimes: number[] = [];
  let rows = 0;
  let bytes = 0;
  const plan = await secretariat.plan.summary();
  for (let i = 0; i < 3; i++) {
    let t = performance.now();
    await exportPlan(secretariat, join(dir, `plan-${i}.xlsx`));
    planTimes.push(performance.now() - t);
    t = performance.now();
    const r = await exportUpdates(secretariat, {
      from: plan.startMonth,
      to: addMonths(plan.startMonth, 23),
      out: join(dir, `updates-${i}.xlsx`),
    });
    updateTimes.push(performance.now() - t);
    rows = r.rows;
    bytes = r.bytes;
  }
  console.log(`XLSX export, built-in plan (163 objectives, 3 sheets): median ${ms(median(planTimes))} of 3`);
  console.log(
    `XLSX export, 24 months of updates (${rows} rows, ${(bytes / 1024).toFixed(0)} KB): median ${ms(median(updateTimes))} of 3`,
  );
  await secretariat.close();
  await lead.close();
}

// 2. Importing a return of 100 updates: a plan with one strand of 100 objectives.
{
  const base = loadBuiltInPlan();
  const hundred: PlanFile = {
    ...base,
    id: 'bench-hundred',
    strands: [
      {
        ...base.strands[0],
        number: 1,
        themes: [
          {
            theme: 'Enforcement',
            code: 'E',
            objectives: Array.from({ length: 100 }, (_, i) => ({
              ref: `1.E.${i + 1}`,
              text: `Objective ${i + 1}`,
              year: 'Year 1' as const,
              target: null,
              owner: null,
              repeated: false,
              notes: [],
            })),
          },
        ],
      },
    ],
  };
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const clock = () => new Date('2007-10-01T09:00:00.000Z');
    const secretariat = await openStore(join(dir, `hundred-office-${run}.db`), { clock, seedPlan: hundred });
    const lead = await openStore(join(dir, `hundred-laptop-${run}.db`), { clock, seedPlan: null });
    const { returnPath, returned } = await roundTrip(secretariat, lead, 1, '2007-10', `hundred-${run}`);
    const t = performance.now();
    const result = await importReturn(secretariat, {
      path: returnPath,
      actor: 'Secretariat',
      acceptAll: true,
    });
    times.push(performance.now() - t);
    if (result.accepted.length !== 100)
      throw new Error(`expected 100 accepted, got ${result.accepted.length}`);
    if (run === 0) console.log(`Return of 100 updates: ${(returned.bytes / 1024).toFixed(1)} KB`);
    await secretariat.close();
    await lead.close();
  }
  console.log(
    `Import of a return of 100 updates (verify, preview, accept all, one transaction): median ${ms(median(times))} of 5 (min ${ms(Math.min(...times))})`,
  );
}

// 4. A 50 MB file is refused by its size without being read.
{
  const clock = () => new Date('2007-10-01T09:00:00.000Z');
  const secretariat = await openStore(join(dir, 'big-office.db'), { clock });
  const big = join(dir, 'huge.bpret');
  writeFileSync(big, '');
  truncateSync(big, 50 * 1024 * 1024);
  const t = performance.now();
  try {
    await importReturn(secretariat, { path: big, actor: 'Secretariat', acceptAll: true });
  } catch (error) {
    console.log(`50 MB file refused in ${ms(performance.now() - t)}: ${(error as Error).message}`);
  }
  await secretariat.close();
}

rmSync(dir, { recursive: true, force: true });
