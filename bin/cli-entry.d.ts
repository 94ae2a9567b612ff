/** See cli-entry.js. */
export declare const BUNDLE: string;
export declare function cliEntry(
  root: string,
  env: Record<string, string | undefined>,
): { kind: 'bundle' | 'source'; file: string };
