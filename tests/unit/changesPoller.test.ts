// The changes poller's timing, on a fake clock: every 3 s while the database answers, longer and
// longer waits (up to 30 s) while a shared server cannot be reached, back to 3 s once it answers,
// and no asking at all while no database is open, until one is.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallResult } from '../../shared/contract';

type Answer = 'ok' | 'unreachable' | 'no_database';

let answer: Answer = 'ok';
let asked: number[] = [];
/** Asks that hang: their answer comes only when the test calls the function kept here. */
let hang = 0;
const hung: (() => void)[] = [];

function result(): CallResult<{ last: number; entities: string[] }> {
  if (answer === 'ok') return { ok: true, value: { last: asked.length, entities: [] } };
  return { ok: false, error: { code: answer, message: `The database is ${answer}.` } };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
  answer = 'ok';
  asked = [];
  hang = 0;
  hung.length = 0;
  vi.stubGlobal('window', {
    setTimeout: (run: () => void, ms: number) => globalThis.setTimeout(run, ms),
    clearTimeout: (id: number | undefined) => globalThis.clearTimeout(id),
    localStorage: { getItem: () => null },
    boardPack: {
      call: (method: string) => {
        if (method === 'app.changes') asked.push(Date.now());
        if (method === 'app.changes' && hang > 0) {
          hang -= 1;
          return new Promise((resolve) => hung.push(() => resolve(result())));
        }
        return Promise.resolve(result());
      },
    },
  });
  vi.stubGlobal('document', {
    visibilityState: 'visible',
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.resetModules();
});

async function poller() {
  const module = await import('../../renderer/state/changesPoller');
  const connection = await import('../../renderer/state/connection');
  return { ...module, connection: connection.useConnection };
}

/** The waits between asks, in seconds. */
function waits(): number[] {
  return asked.slice(1).map((at, i) => (at - asked[i]) / 1000);
}

describe('the changes poller', () => {
  it('asks every 3 seconds while the database answers', async () => {
    const { startChangesPoller } = await poller();
    const stop = startChangesPoller();
    await vi.advanceTimersByTimeAsync(12_000);
    stop();
    expect(waits()).toEqual([3, 3, 3, 3]);
  });

  it('waits longer after each ask the server does not answer, up to 30 seconds, and 3 again once it answers', async () => {
    const { startChangesPoller, connection } = await poller();
    answer = 'unreachable';
    const stop = startChangesPoller();
    await vi.advanceTimersByTimeAsync(135_000);
    expect(waits()).toEqual([3, 6, 12, 24, 30, 30, 30]);
    expect(connection.getState().unreachable).toBe(true);

    answer = 'ok';
    await vi.advanceTimersByTimeAsync(30_000);
    const answeredAt = asked.at(-1) ?? 0;
    expect(connection.getState().unreachable).toBe(false);
    await vi.advanceTimersByTimeAsync(6_000);
    stop();
    expect(asked.filter((at) => at > answeredAt).map((at) => (at - answeredAt) / 1000)).toEqual([3, 6]);
  });

  it('stops asking while no database is open, and asks again once one opens', async () => {
    const { startChangesPoller, resumeChanges } = await poller();
    answer = 'no_database';
    const stop = startChangesPoller();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(asked).toEqual([0]);

    answer = 'ok';
    resumeChanges();
    await vi.advanceTimersByTimeAsync(6_000);
    stop();
    expect(asked).toEqual([0, 120_000, 123_000, 126_000]);
  });

  it('waits at most ten intervals for a desk that asks more often, and never less than its interval', async () => {
    const { waitBeforeAsking } = await poller();
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => waitBeforeAsking(250, n))).toEqual([
      250, 250, 500, 1000, 2000, 2500, 2500,
    ]);
    expect(waitBeforeAsking(60_000, 5)).toBe(60_000);
  });

  it('gives up an ask that is never answered after ten intervals (30 s), asks again, and ignores its late answer', async () => {
    const { startChangesPoller, giveUpAfter, connection } = await poller();
    expect([300, 3000, 60_000].map(giveUpAfter)).toEqual([5000, 30_000, 30_000]);
    hang = 1;
    const stop = startChangesPoller();
    await vi.advanceTimersByTimeAsync(29_000);
    expect(asked).toEqual([0]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(asked).toEqual([0, 33_000, 36_000, 39_000]);
    // The hung ask answers at last: nothing is asked out of turn, the rhythm stays 3 s.
    hung[0]();
    await vi.advanceTimersByTimeAsync(6_000);
    stop();
    expect(asked).toEqual([0, 33_000, 36_000, 39_000, 42_000, 45_000]);
    expect(connection.getState().unreachable).toBe(false);
  });

  it('does not ask twice when told a database opened while it was asking anyway', async () => {
    const { startChangesPoller, resumeChanges } = await poller();
    const stop = startChangesPoller();
    resumeChanges();
    await vi.advanceTimersByTimeAsync(3_000);
    stop();
    expect(asked).toEqual([0, 3_000]);
  });
});
