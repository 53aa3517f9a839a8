// The chase.* and carry-forward rows of the contract test's table (tests/integration/contract.test.ts
// runs them); the rules in full are in chase.test.ts.
import { expect } from 'vitest';
import type { MethodName } from '../../shared/contract';
import { acceptedUpdate, boardMeeting, type TestApp } from '../fixtures/appServices';

type Example = { behaviour: string; run: () => Promise<void> };
type ChaseMethod =
  | Extract<MethodName, `chase.${string}`>
  | 'updates.carryForward'
  | 'updates.carryForwardStrand'
  | 'updates.statusStrip';

export function chaseExamples(current: () => TestApp): { [M in ChaseMethod]: Example } {
  return {
    'chase.list': {
      behaviour: 'lists per strand lead what is still owed for the reporting month, with the issue date',
      run: async () => {
        const app = current();
        await boardMeeting(app);
        const list = await app.call('chase.list', {});
        expect(list.month).toBe('2007-10');
        expect(list.issueBy).toBe('2007-10-31');
        expect(list.leads).toHaveLength(8);
      },
    },
    'chase.pdf': {
      behaviour: 'prints the chase list as a PDF, a page (or more) per lead',
      run: async () => {
        const pdf = await current().call('chase.pdf', { month: '2007-10' });
        expect(Buffer.from(pdf.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
        expect(pdf.pages).toBeGreaterThanOrEqual(8);
      },
    },
    'chase.makeRequests': {
      behaviour:
        'lists every owing strand whose lead has no trusted key, with the reason, and makes no file for it',
      run: async () => {
        const made = await current().call('chase.makeRequests', { month: '2007-10' });
        expect(made.made).toEqual([]);
        expect(made.skipped.map((s) => s.strandNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      },
    },
    'updates.carryForward': {
      behaviour: 'records last month’s status as a draft saying “No change since …”',
      run: async () => {
        const app = current();
        await acceptedUpdate(app, '2.E.1', '2007-09', 'green');
        const carried = await app.call('updates.carryForward', { ref: '2.E.1', month: '2007-10' });
        expect(carried).toMatchObject({
          status: 'green',
          state: 'draft',
          narrative: 'No change since September 2007.',
        });
      },
    },
    'updates.carryForwardStrand': {
      behaviour: 'carries every objective of a strand that can be, and lists the rest with why',
      run: async () => {
        const app = current();
        await acceptedUpdate(app, '2.E.1', '2007-09', 'green');
        const result = await app.call('updates.carryForwardStrand', { strandNumber: 2, month: '2007-10' });
        expect(result.carried.map((u) => u.ref)).toEqual(['2.E.1']);
        expect(result.skipped.length).toBeGreaterThan(0);
      },
    },
    'updates.statusStrip': {
      behaviour: 'gives an objective’s reported status for every month of the plan so far',
      run: async () => {
        const app = current();
        await acceptedUpdate(app, '2.E.1', '2007-09', 'red', 'Behind.');
        const strip = await app.call('updates.statusStrip', { ref: '2.E.1', to: '2007-09' });
        expect(strip.months.at(-1)).toEqual({ month: '2007-09', status: 'red' });
        expect(strip.months[0]).toEqual({ month: '2007-04', status: 'no_update' });
      },
    },
  };
}
