// window.boardPack is put there by the preload (desktop) or the bridge shim (browser).
import type { BoardPackApi } from '../shared/contract';

declare global {
  interface Window {
    boardPack?: BoardPackApi;
  }
}
