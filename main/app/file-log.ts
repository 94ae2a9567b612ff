import fs from 'node:fs';
import path from 'node:path';
import { createStream } from 'rotating-file-stream';
import { logLine, type Logger, type LogLevel } from './logger';

/** How big a log file grows before it is rotated, and how many rotated ones are kept (~5 MB in all). */
export const LOG_FILE_SIZE = '1M';
export const ROTATED_LOG_FILES = 4;

/** Where the hosts' log files are: `logs/` in the data folder. */
export function logFolder(dataDir: string): string {
  return path.join(dataDir, 'logs');
}

export interface FileLog {
  logger: Logger;
  /** The file being written: `<folder>/koppel-<name>.log` (rotated ones end in .1, .2, …). */
  file: string;
  close(): Promise<void>;
}

/**
 * The host's operational log in a file of the data folder, for when something went wrong while no
 * terminal was watching (the desktop app, a scheduled server): one line per entry as on the
 * console, rotated by size (rotating-file-stream: the rotation, its numbering and the clean-up of
 * old files are its job, and it writes without blocking the event loop).
 */
export function openFileLog(folder: string, name: string, minLevel: LogLevel = 'info'): FileLog {
  fs.mkdirSync(folder, { recursive: true });
  const fileName = `koppel-${name}.log`;
  const stream = createStream(fileName, {
    path: folder,
    size: LOG_FILE_SIZE,
    rotate: ROTATED_LOG_FILES,
  });
  // A full disk or a removed folder must not take the app down: the console still has the lines.
  stream.on('error', () => undefined);
  const write = (level: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    const line = logLine(level, message, fields, minLevel);
    if (line && !stream.writableEnded) stream.write(line);
  };
  return {
    logger: { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') },
    file: path.join(folder, fileName),
    close: () => new Promise((resolve) => stream.end(resolve)),
  };
}

/** The last `lines` lines of a log file (reads at most its last 256 KB); empty when there is none. */
export function logTail(file: string, lines: number): string[] {
  let handle: number | undefined;
  try {
    handle = fs.openSync(file, 'r');
    const size = fs.fstatSync(handle).size;
    const length = Math.min(size, 256 * 1024);
    const buffer = Buffer.alloc(length);
    fs.readSync(handle, buffer, 0, length, size - length);
    const text = buffer.toString('utf8').split('\n');
    // The first line may be cut when the read began mid-file.
    if (length < size) text.shift();
    return text.filter(Boolean).slice(-lines);
  } catch {
    return [];
  } finally {
    if (handle !== undefined) fs.closeSync(handle);
  }
}
