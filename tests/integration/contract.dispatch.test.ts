// dispatch, the one way into the handlers: input checked before any handler runs, expected
// refusals passed on in words, anything unexpected logged and shown as "nothing was changed".
import { afterEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, UNEXPECTED_MESSAGE } from '../../shared/contract';
import { handlers } from '../../electron/handlers/index';
import { openTestApp, type TestApp } from '../fixtures/appServices';

let app: TestApp;
afterEach(async () => {
  vi.restoreAllMocks();
  await app?.close();
});

describe('dispatch', () => {
  it('refuses input that does not match the contract before the handler runs, naming the field', async () => {
    app = await openTestApp();
    const handler = vi.spyOn(handlers, 'updates.saveDraft');
    const result = await app.raw('updates.saveDraft', { ref: '1.E.1', month: 'Sept 2007', status: 'green' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'A month is written YYYY-MM, for example 2007-09.' },
    });
    expect(handler).not.toHaveBeenCalled();
    expect((await app.store.updates.working('2007-09')).size).toBe(0);
  });

  // Replaces "has a handler for every method", which the compiler already guarantees (HandlerTable
  // maps every method name to its handler). What it cannot see is a method whose schema lets
  // anything through, or a door that skips the check: this asks every method.
  it('refuses, for every method, an input of the wrong shape before its handler runs', async () => {
    app = await openTestApp();
    for (const method of METHOD_NAMES) {
      const handler = vi.spyOn(handlers, method);
      const result = await app.raw(method, 42);
      expect(result.ok, method).toBe(false);
      expect(!result.ok && result.error.code, method).toBe('invalid_input');
      expect(handler, method).not.toHaveBeenCalled();
    }
  });

  it('refuses a method the contract does not have', async () => {
    app = await openTestApp();
    expect(await app.raw('store.db.exec', { sql: 'DROP TABLE plan' })).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'There is no method called store.db.exec.' },
    });
  });

  it('passes a refusal from the store on with its code and sentence', async () => {
    app = await openTestApp();
    const result = await app.raw('updates.grid', { strandNumber: 1, month: '2012-01' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('outside_plan_period');
    expect(!result.ok && result.error.message).toMatch(/outside the plan period/);
  });

  it('logs an unexpected failure with its detail and shows only that nothing was changed', async () => {
    app = await openTestApp();
    vi.spyOn(handlers, 'plan.get').mockImplementation(() => {
      throw new Error('disk I/O error at page 4471');
    });
    const result = await app.raw('plan.get', undefined);
    expect(result).toEqual({ ok: false, error: { code: 'unexpected', message: UNEXPECTED_MESSAGE } });
    expect(app.logged).toHaveLength(1);
    expect(app.logged[0][0]).toBe('plan.get failed');
    expect(String(app.logged[0][1])).toMatch(/disk I\/O error/);
  });

  it('does not send output that breaks the contract, and logs it', async () => {
    app = await openTestApp();
    vi.spyOn(handlers, 'months.list').mockReturnValue({
      months: 'all of them',
      current: '2007-10',
      nextMeetingMonth: null,
      latestReported: null,
    } as never);
    const result = await app.raw('months.list', {});
    expect(result).toEqual({ ok: false, error: { code: 'unexpected', message: UNEXPECTED_MESSAGE } });
    expect(app.logged[0][0]).toMatch(/does not match the contract/);
  });

  it('strips fields a handler returns beyond the contract, so nothing else crosses to the screens', async () => {
    app = await openTestApp();
    const real = handlers['app.info'];
    vi.spyOn(handlers, 'app.info').mockImplementation(async (services, input) =>
      Object.assign(await real(services, input), { connectionString: services.store.path }),
    );
    const result = await app.raw('app.info', undefined);
    expect(result.ok).toBe(true);
    expect(result.ok && 'connectionString' in (result.value as object)).toBe(false);
  });
});
