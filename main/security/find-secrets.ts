import fs from 'node:fs';
import path from 'node:path';

/** Where a secret was found: a file (with the byte offset) or a named text (a log line, an API answer). */
export interface SecretFinding {
  secret: string;
  where: string;
}

/** The forms a secret can take in stored text: as is, and URL-encoded (a query string). */
function forms(value: string): Buffer[] {
  return [...new Set([value, encodeURIComponent(value)])].map((form) => Buffer.from(form, 'utf8'));
}

/** Searches raw bytes, so binary files (the SQLite database and its WAL) are covered as well. */
function scanBuffer(data: Buffer, where: string, secrets: Record<string, string>): SecretFinding[] {
  const found: SecretFinding[] = [];
  for (const [name, value] of Object.entries(secrets)) {
    for (const form of forms(value)) {
      const at = data.indexOf(form);
      if (at >= 0) found.push({ secret: name, where: `${where} @${at}` });
    }
  }
  return found;
}

/** Every file under `dir` (recursively), searched for every secret. */
export function scanFolder(dir: string, secrets: Record<string, string>): SecretFinding[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .flatMap((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return scanBuffer(fs.readFileSync(file), path.relative(dir, file), secrets);
    });
}

/** Named texts (log lines, API answers) searched for every secret. */
export function scanTexts(texts: Record<string, string>, secrets: Record<string, string>): SecretFinding[] {
  return Object.entries(texts).flatMap(([where, text]) =>
    scanBuffer(Buffer.from(text, 'utf8'), where, secrets),
  );
}
