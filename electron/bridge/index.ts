// The browser bridge's public face: startBridge for the end-to-end tests and npm run preview.
export { startBridge, BRIDGE_HOST, type Bridge, type BridgeOptions } from './server';
export { ensureRendererBuild } from './rendererBuild';
