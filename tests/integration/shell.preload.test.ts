// The preload exposes exactly the contract as window.boardPack: call() and onMenuCommand(), each a
// pass-through to IPC, and nothing of Node or Electron.
import { describe, expect, it, vi } from 'vitest';
import { CALL_CHANNEL, MENU_CHANNEL } from '../../shared/contract';
import { electronStub } from '../fixtures/electronStub';

vi.mock('electron', async () => {
  const { electronStub: stub } = await import('../fixtures/electronStub');
  return { ...stub, default: stub };
});

await import('../../electron/preload/index');

function exposed() {
  const [name, api] = electronStub.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [
    string,
    Record<string, unknown>,
  ];
  return { name, api };
}

describe('the preload', () => {
  it('exposes window.boardPack with only call and onMenuCommand', () => {
    expect(electronStub.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const { name, api } = exposed();
    expect(name).toBe('boardPack');
    expect(Object.keys(api).sort()).toEqual(['call', 'onMenuCommand']);
  });

  it('passes a call to main on the one channel, method and input as given', async () => {
    const { api } = exposed();
    await (api.call as (method: string, input?: unknown) => Promise<unknown>)('updates.grid', {
      strandNumber: 2,
      month: '2007-10',
    });
    expect(electronStub.ipcRenderer.invoke).toHaveBeenCalledWith(CALL_CHANNEL, 'updates.grid', {
      strandNumber: 2,
      month: '2007-10',
    });
  });

  it('forwards only known menu commands, and stops when asked', () => {
    const { api } = exposed();
    const heard: string[] = [];
    const stop = (api.onMenuCommand as (listener: (c: string) => void) => () => void)((command) =>
      heard.push(command),
    );
    const [channel, forward] = electronStub.ipcRenderer.on.mock.calls[0] as unknown as [
      string,
      (event: unknown, command: unknown) => void,
    ];
    expect(channel).toBe(MENU_CHANNEL);
    forward({}, 'build-pack');
    forward({}, 'require("child_process")');
    expect(heard).toEqual(['build-pack']);
    stop();
    expect(electronStub.ipcRenderer.removeListener).toHaveBeenCalledWith(MENU_CHANNEL, forward);
  });
});
