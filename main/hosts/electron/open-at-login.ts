import fs from 'node:fs';
import path from 'node:path';

/** What a start at login passes: Koppel starts in the notification area, without a window. */
export const BACKGROUND_FLAG = '--background';

/**
 * The arguments of a start at login: in the background, on the data folder this start uses (when
 * it was chosen with `--data-dir`), and from source the app's folder (Electron's own binary runs it).
 */
export function loginArgs(options: {
  dataDirFlag?: string | undefined;
  appPath?: string | undefined;
}): string[] {
  return [
    ...(options.appPath ? [options.appPath] : []),
    BACKGROUND_FLAG,
    ...(options.dataDirFlag ? [`--data-dir=${options.dataDirFlag}`] : []),
  ];
}

/**
 * Electron's login items are Windows' and macOS's; Linux desktops that follow the XDG autostart
 * specification (GNOME, KDE, Xfce and others) start the entries in `$XDG_CONFIG_HOME/autostart`.
 */
export function autostartFile(configHome: string): string {
  return path.join(configHome, 'autostart', 'koppel.desktop');
}

/** The desktop entry that starts `command` with `args` at login. */
export function autostartEntry(command: string, args: readonly string[]): string {
  const exec = [command, ...args].map(execArgument).join(' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Koppel',
    'Comment=Keeps Teamleader Focus and MplusKASSA in sync',
    // The key's value is a desktop-entry string: a backslash is written twice there.
    `Exec=${exec.replace(/\\/g, '\\\\')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/**
 * One argument of an Exec key: quoted when it holds a reserved character, with `"`, `` ` ``, `$`
 * and `\` escaped inside the quotes; `%` doubled (a single one starts a field code).
 */
function execArgument(argument: string): string {
  const fieldSafe = argument.replace(/%/g, '%%');
  if (fieldSafe !== '' && !/[\s"'\\><~|&;$*?#()`]/.test(fieldSafe)) return fieldSafe;
  return `"${fieldSafe.replace(/["`$\\]/g, '\\$&')}"`;
}

/** Adds or removes the autostart entry (Linux). */
export function setLinuxAutostart(
  configHome: string,
  enabled: boolean,
  command: string,
  args: readonly string[],
): void {
  const file = autostartFile(configHome);
  if (!enabled) {
    fs.rmSync(file, { force: true });
    return;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, autostartEntry(command, args));
}
