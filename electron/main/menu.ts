// The native menu: the usual roles, plus the File menu's database commands (files, and a shared
// database on a server) and Build pack….
import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface FileCommands {
  openDatabase(): void;
  newDatabase(): void;
  connectShared(): void;
  backup(): void;
  restore(): void;
  buildPack(): void;
}

export function menuTemplate(
  commands: FileCommands,
  platform: NodeJS.Platform,
  developer: boolean,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Open database…', accelerator: 'CmdOrCtrl+O', click: () => commands.openDatabase() },
      { label: 'New database…', accelerator: 'CmdOrCtrl+Shift+N', click: () => commands.newDatabase() },
      { label: 'Connect to a shared database…', click: () => commands.connectShared() },
      { type: 'separator' },
      { label: 'Backup…', click: () => commands.backup() },
      { label: 'Restore…', click: () => commands.restore() },
      { type: 'separator' },
      { label: 'Build pack…', accelerator: 'CmdOrCtrl+B', click: () => commands.buildPack() },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'reload' },
      ...(developer ? ([{ role: 'toggleDevTools' }] as MenuItemConstructorOptions[]) : []),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  return [
    ...(mac ? ([{ role: 'appMenu' }] as MenuItemConstructorOptions[]) : []),
    file,
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about' }] },
  ];
}

export function installMenu(commands: FileCommands, platform: NodeJS.Platform, developer: boolean): Menu {
  const menu = Menu.buildFromTemplate(menuTemplate(commands, platform, developer));
  Menu.setApplicationMenu(menu);
  return menu;
}
