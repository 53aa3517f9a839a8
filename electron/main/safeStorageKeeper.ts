// The desktop app's SecretKeeper: Electron's safeStorage, which seals text with a key the operating
// system keeps for this user (Keychain on macOS, DPAPI on Windows, the keyring on Linux). On Linux
// without a keyring safeStorage still "encrypts", with a fixed key anyone can read, so that counts
// as not available: the password is then not kept at all.
import { safeStorage } from 'electron';
import type { SecretKeeper } from '../shell/secretKeeper';

export function safeStorageKeeper(platform: NodeJS.Platform = process.platform): SecretKeeper {
  return {
    available: () =>
      safeStorage.isEncryptionAvailable() &&
      !(platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'),
    seal: (text) => safeStorage.encryptString(text),
    open: (sealed) => safeStorage.decryptString(sealed),
  };
}
