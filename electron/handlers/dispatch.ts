// The one way into the handlers, used by all three doors (Electron IPC, the browser bridge, tests):
// check the method and its input against the contract, run the handler, check what it returns,
// and turn any failure into { code, message } a person can read.
import type { z } from 'zod';
import {
  contract,
  isMethodName,
  UNEXPECTED_MESSAGE,
  type CallError,
  type CallResult,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
} from '../../shared/contract';
import { isBoardPackError, type BoardPackError } from '../../shared/errors';
import { databaseFailure } from '../store/databaseErrors';
import { handlers } from './registry';
import type { ErrorLog, Services, SharedDatabaseDoor } from './services';

/**
 * The first problem zod found, as a sentence. The contract's own messages are whole sentences for a
 * person ("A minute cannot be empty.") and go as they are, without an internal field name after
 * them; zod's generic wording ("Invalid input: expected string") names the field, as only a
 * program calling the contract wrongly ever sees it.
 */
export function describeInvalidInput(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = issue.path.map(String).join('.');
  if (!field || /[.?!]$/.test(issue.message.trim())) return issue.message;
  return `${issue.message} (${field})`;
}

async function run<M extends MethodName>(
  services: Services,
  method: M,
  input: ParsedInput<M>,
): Promise<MethodOutput<M>> {
  const handler = handlers[method];
  return handler(services, input);
}

/**
 * A refusal as the doors carry it. An edit conflict's record as it is now goes with it when it has
 * the method's output shape (checked like any answer), so the screen can show it.
 */
function refusal(log: ErrorLog, method: MethodName, error: BoardPackError): CallError {
  const refused = { code: error.code, message: error.message };
  if (error.current === undefined) return refused;
  const current = contract[method].output.safeParse(error.current);
  if (current.success) return { ...refused, current: current.data };
  log(`${method} was refused with a current record that does not match the contract`, current.error);
  return refused;
}

/** Checks a method name and raw input, without running anything; used by main before dispatch. */
export function validateCall(
  method: unknown,
  rawInput: unknown,
): CallResult<{ method: MethodName; input: unknown }> {
  if (!isMethodName(method)) {
    return {
      ok: false,
      error: { code: 'invalid_input', message: `There is no method called ${String(method)}.` },
    };
  }
  const parsed = contract[method].input.safeParse(rawInput);
  if (!parsed.success)
    return { ok: false, error: { code: 'invalid_input', message: describeInvalidInput(parsed.error) } };
  return { ok: true, value: { method, input: parsed.data } };
}

/** Runs one call's work and answers it: its value checked against the contract, or its failure in words. */
async function settle(
  name: MethodName,
  work: () => Promise<unknown>,
  log: ErrorLog,
): Promise<CallResult<unknown>> {
  try {
    const value = await work();
    const output = contract[name].output.safeParse(value);
    if (!output.success) {
      log(`${name} returned output that does not match the contract`, output.error);
      return { ok: false, error: { code: 'unexpected', message: UNEXPECTED_MESSAGE } };
    }
    return { ok: true, value: output.data };
  } catch (error) {
    const expected = isBoardPackError(error) ? error : databaseFailure(error);
    if (expected) return { ok: false, error: refusal(log, name, expected) };
    log(`${name} failed`, error);
    return { ok: false, error: { code: 'unexpected', message: UNEXPECTED_MESSAGE } };
  }
}

export async function dispatch(
  services: Services,
  method: unknown,
  rawInput: unknown,
): Promise<CallResult<unknown>> {
  const checked = validateCall(method, rawInput);
  if (!checked.ok) return checked;
  const name = checked.value.method;
  return settle(
    name,
    () => run(services, name, checked.value.input as ParsedInput<typeof name>),
    services.log,
  );
}

export const NO_DATABASE_MESSAGE =
  'No database is open yet: enter the shared database’s password in Board Pack’s window, or open a database file from the File menu.';

/**
 * The answer while no database is open (the desktop app waiting at start-up for the shared
 * database's password): the connect dialog's two methods reach the session; every other method is
 * refused with a sentence that says what to do, and the screens show the dialog on that code.
 */
export async function dispatchWithoutDatabase(
  door: SharedDatabaseDoor,
  log: ErrorLog,
  method: unknown,
  rawInput: unknown,
): Promise<CallResult<unknown>> {
  const checked = validateCall(method, rawInput);
  if (!checked.ok) return checked;
  const name = checked.value.method;
  if (name === 'sharedDatabase.state') return settle(name, async () => door.state(), log);
  if (name === 'sharedDatabase.connect')
    return settle(name, () => door.connect(contract[name].input.parse(rawInput)), log);
  return { ok: false, error: { code: 'no_database', message: NO_DATABASE_MESSAGE } };
}
