// window.boardPack as the preload builds it: the contract's call() and the menu listener, each a
// thin pass-through to IPC. No other IPC, Node or Electron object reaches the page.
import type {
  BoardPackApi,
  CallArgs,
  CallResult,
  MenuCommand,
  MethodName,
  MethodOutput,
} from '../../shared/contract';
import { CALL_CHANNEL, MENU_CHANNEL, MENU_COMMANDS } from '../../shared/ipc';

/** The part of ipcRenderer the preload uses. */
export interface PreloadIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

function isMenuCommand(value: unknown): value is MenuCommand {
  return (MENU_COMMANDS as readonly unknown[]).includes(value);
}

export function createBoardPackApi(ipc: PreloadIpc): BoardPackApi {
  function call<M extends MethodName>(...[method, input]: CallArgs<M>): Promise<CallResult<MethodOutput<M>>> {
    // Main checks the input against the contract whatever the page sends, and checks its own
    // output against the contract before replying, so the reply has the contract's shape.
    return ipc.invoke(CALL_CHANNEL, method, input) as Promise<CallResult<MethodOutput<M>>>;
  }
  return {
    call,
    onMenuCommand: (listener) => {
      const forward = (_event: unknown, command: unknown) => {
        if (isMenuCommand(command)) listener(command);
      };
      ipc.on(MENU_CHANNEL, forward);
      return () => {
        ipc.removeListener(MENU_CHANNEL, forward);
      };
    },
  };
}
