// The one window: secure web preferences, remembered size and position, shown when painted.
import { BrowserWindow } from 'electron';
import { loadWindowBounds, saveWindowBounds } from '../shell/windowBounds';

export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  // Chromium's own PDF viewer shows the draft pack inside the window; no other plugin exists.
  plugins: true,
  spellcheck: true,
} as const;

export interface MainWindowOptions {
  preload: string;
  url: string;
  boundsFile: string;
  icon?: string;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const bounds = loadWindowBounds(options.boundsFile);
  const window = new BrowserWindow({
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: 'Board Pack',
    backgroundColor: '#ffffff',
    icon: options.icon,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: options.preload },
  });
  if (bounds.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    saveWindowBounds(options.boundsFile, { ...window.getNormalBounds(), maximized: window.isMaximized() });
  });
  void window.loadURL(options.url);
  return window;
}
