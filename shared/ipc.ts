// The IPC channel names, native menu commands and the unexpected-failure sentence, kept apart from
// the schemas so the sandboxed preload and the screens can import them without bundling zod.

/** One channel for every contract call; the method name travels with the input. */
export const CALL_CHANNEL = 'board-pack:call';
/** Native menu commands, sent from main to the screens. */
export const MENU_CHANNEL = 'board-pack:menu';

/**
 * database-changed: another database was opened or restored, reload everything; build-pack: open the
 * pack screen; connect-shared: open the dialog that connects to a shared database.
 */
export const MENU_COMMANDS = ['database-changed', 'build-pack', 'connect-shared'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** The sentence shown for anything unexpected; the detail goes to the log, never to the screen. */
export const UNEXPECTED_MESSAGE = 'Something went wrong; nothing was changed.';
