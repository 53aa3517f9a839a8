// The one IPC channel: every call is checked against the contract by dispatch (through the
// session, which knows whether a database is open) before any handler runs, and only the app's own
// page may call at all.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { CallResult } from '../../shared/contract';
import { CALL_CHANNEL } from '../../shared/ipc';

/** One call answered by the open database's session (DatabaseSession.answer, which dispatches it). */
export type Answer = (method: unknown, input: unknown) => Promise<CallResult<unknown>>;

export function registerIpc(
  ipcMain: IpcMain,
  answer: Answer,
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
      return answer(method, input);
    },
  );
}
