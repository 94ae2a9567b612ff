import type { Keychain } from './keychain';
import { Vault } from './vault';

/** How CI (and a developer) runs the tests that need the OS keychain on Linux. */
export const KEYCHAIN_TEST_WRAPPER =
  "dbus-run-session -- bash -c 'echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; npx vitest run'";

/**
 * Fails (never skips) when no keychain is reachable: the vault, registry and sandbox tests are about
 * the real keychain, so running them without one must be visible.
 */
export async function requireTestKeychain(keychain?: Keychain): Promise<void> {
  const status = await new Vault({ env: {}, keychain }).status();
  if (!status.available) {
    throw new Error(
      `These tests need a reachable OS keychain and none is: ${status.message}\n` +
        `On Linux run them inside a D-Bus session with an unlocked keyring:\n  ${KEYCHAIN_TEST_WRAPPER}`,
    );
  }
}
