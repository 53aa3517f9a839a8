// The screens' one way to reach the data: a typed client over window.boardPack, which the Electron
// preload or the browser bridge's shim provides. Nothing here knows which door it is behind.
import type {
  BoardPackApi,
  InputArg,
  CallError,
  CallResult,
  MenuCommand,
  MethodName,
  MethodOutput,
} from '../shared/contract';
import { useConnection } from './state/connection';

/** An expected failure carried to a screen: show `message` where the person is. */
export class ApiError extends Error {
  readonly code: CallError['code'];

  constructor(error: CallError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
  }
}

function door(): BoardPackApi {
  if (typeof window === 'undefined' || !window.boardPack) {
    throw new ApiError({
      code: 'unexpected',
      message: 'Board Pack could not reach its data. Close and reopen the app.',
    });
  }
  return window.boardPack;
}

/** Calls a method and returns the result as it came: { ok: true, value } or { ok: false, error }. */
export async function tryCall<M extends MethodName>(
  method: M,
  ...rest: InputArg<M>
): Promise<CallResult<MethodOutput<M>>> {
  const result = await door().call<M>(method, ...rest);
  // The shared database away: one banner for every screen, whichever call found it. Not when the
  // connect dialog's server does not answer: that one is not open, and the dialog says so itself.
  if (!result.ok && result.error.code === 'unreachable' && method !== 'sharedDatabase.connect')
    useConnection.getState().lost();
  return result;
}

/** Calls a method and returns its value, or throws an ApiError with a sentence for the person. */
export async function call<M extends MethodName>(method: M, ...rest: InputArg<M>): Promise<MethodOutput<M>> {
  const result = await tryCall(method, ...rest);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

/** Listens for native menu commands (File → Build pack…, a database opened); returns an unsubscribe. */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  return door().onMenuCommand(listener);
}

export const api = { call, tryCall, onMenuCommand };
