// The one IPC channel: every call is checked against the contract by dispatch before any handler
// runs, and only the app's own page may call at all.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { CallResult } from '../../shared/contract';
import { CALL_CHANNEL } from '../../shared/ipc';
import { dispatch, type Services } from '../handlers/index';

export function registerIpc(
  ipcMain: IpcMain,
  services: () => Services,
  isTrustedSender: (url: string | undefined) => boolean,
): void {
  ipcMain.handle(
    CALL_CHANNEL,
    async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<CallResult<unknown>> => {
      if (!isTrustedSender(event.senderFrame?.url)) {
        return {
          ok: false,
          error: { code: 'invalid_input', message: 'Only Board Pack’s own window may ask for its data.' },
        };
      }
      return dispatch(services(), method, input);
    },
  );
}
