// The command line finds the same database as the desktop app: Electron's userData folder for
// "Board Pack" on each platform, unless BOARD_PACK_DB says otherwise.
import { describe, expect, it } from 'vitest';
import { defaultDatabasePath } from '../../electron/store/paths';

describe('default database path', () => {
  it('uses ~/.config on Linux', () => {
    expect(defaultDatabasePath({}, 'linux', '/home/ann')).toBe('/home/ann/.config/Board Pack/board-pack.db');
  });

  it('honours XDG_CONFIG_HOME on Linux, as Electron does', () => {
    expect(defaultDatabasePath({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ann')).toBe(
      '/cfg/Board Pack/board-pack.db',
    );
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDatabasePath({}, 'darwin', '/Users/ann')).toBe(
      '/Users/ann/Library/Application Support/Board Pack/board-pack.db',
    );
  });

  it('uses APPDATA on Windows', () => {
    expect(
      defaultDatabasePath({ APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ann'),
    ).toBe('C:\\Users\\ann\\AppData\\Roaming\\Board Pack\\board-pack.db');
  });

  it('lets BOARD_PACK_DB override the folder on any platform', () => {
    expect(
      defaultDatabasePath({ BOARD_PACK_DB: '/data/board.db', XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ann'),
    ).toBe('/data/board.db');
  });
});
