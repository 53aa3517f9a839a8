// A real temp database with the built-in plan behind the handlers, for the indicator tests: calls go
// through dispatch as the three doors make them; the store is there to read back what was written.
import type { CallError, InputArg, MethodName, MethodOutput } from '../../shared/contract';
import { createServices, dispatch } from '../../electron/handlers/index';
import { openStore, type Store } from '../../electron/store/store';
import { fixedClock, newDatabaseLocation, tempDir } from '../fixtures/databases';

const INDICATORS_NOW = '2008-04-10T09:00:00.000Z';

export interface IndicatorApp {
  path: string;
  store: Store;
  call<M extends MethodName>(method: M, ...rest: InputArg<M>): Promise<MethodOutput<M>>;
  refusal<M extends MethodName>(method: M, ...rest: InputArg<M>): Promise<CallError>;
  close(): Promise<void>;
}

/** The app on the database at location, or on a fresh one (a file, or one on the test server). */
export async function indicatorApp(location?: string): Promise<IndicatorApp> {
  const path = location ?? (await newDatabaseLocation(tempDir(), 'board.db', INDICATORS_NOW));
  const store = await openStore(path, { clock: fixedClock(INDICATORS_NOW) });
  const services = createServices(store, { door: 'test', defaultActor: 'Secretariat' });
  return {
    path,
    store,
    async call(method, ...rest) {
      const result = await dispatch(services, method, rest[0]);
      if (!result.ok) throw new Error(`${method} refused: ${result.error.code}: ${result.error.message}`);
      return result.value as MethodOutput<typeof method>;
    },
    async refusal(method, ...rest) {
      const result = await dispatch(services, method, rest[0]);
      if (result.ok) throw new Error(`${method} was expected to be refused but answered`);
      return result.error;
    },
    close: () => store.close(),
  };
}

/** An upload of text as the screens send it. */
export function upload(fileName: string, content: string | Buffer): { fileName: string; base64: string } {
  return { fileName, base64: Buffer.from(content).toString('base64') };
}

/** KO5 (rape sanction detection rate, a percentage) for 2007-04 to 2007-06, with numerators. */
export async function rateFigures(app: IndicatorApp): Promise<void> {
  await app.call('indicators.setFigure', {
    ref: 'KO5',
    month: '2007-04',
    value: 25,
    numerator: 50,
    denominator: 200,
  });
  await app.call('indicators.setFigure', {
    ref: 'KO5',
    month: '2007-05',
    value: 30,
    numerator: 60,
    denominator: 200,
  });
  await app.call('indicators.setFigure', {
    ref: 'KO5',
    month: '2007-06',
    value: 33.3,
    numerator: 1,
    denominator: 3,
  });
  await app.call('indicators.setFigure', { ref: 'KO1', month: '2007-04', value: 14, note: 'Provisional' });
}
