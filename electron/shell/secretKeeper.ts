// What keeps a shared database's password for the next start: the operating system's own store
// (Electron's safeStorage, wrapped in electron/main), or a fake in tests. The password is never
// written anywhere in plain text; a computer that cannot keep it safely keeps nothing.
export interface SecretKeeper {
  /** False when the system has no safe place for a key (Linux with no keyring, for one). */
  available(): boolean;
  /** The text encrypted with a key only this user on this computer can use. */
  seal(text: string): Buffer;
  /** The text back; throws when the key has changed or the bytes are not a sealed text. */
  open(sealed: Buffer): string;
}
