import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConfBackend } from '../../settings/conf-backend';
import { SettingsStore } from '../../settings/settings-store';
import { createOsKeychain, type Keychain } from '../../vault/keychain';
import { requireTestKeychain } from '../../vault/test-keychain';
import { Vault } from '../../vault/vault';

/** A keychain service of its own per test file, so tests never touch a real "Koppel" entry. */
export async function testKeychain(): Promise<Keychain> {
  const keychain = createOsKeychain(`Koppel-test-${randomBytes(4).toString('hex')}`);
  await requireTestKeychain(keychain);
  return keychain;
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-connections-'));
}

export function testSettings(dataDir: string): SettingsStore {
  return new SettingsStore(createConfBackend(dataDir));
}

export function testVault(keychain: Keychain, env: NodeJS.ProcessEnv = {}): Vault {
  return new Vault({ keychain, env });
}

/** Every file under `dir`, read as text (for "no secret on disk" checks). */
export function readAllFiles(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.push({ file, text: fs.readFileSync(file, 'utf8') });
  }
  return out;
}

/**
 * Drives the twin's Teamleader authorize page like a browser would, with plain HTTP: open the page,
 * read the consent form, press Approve, follow the redirect to the loopback listener.
 */
export async function approveInBrowser(
  authorizeUrl: string,
  decision: 'approve' | 'deny' = 'approve',
): Promise<Response> {
  const page = await fetch(authorizeUrl);
  if (!page.ok) throw new Error(`Authorize page answered ${page.status}: ${await page.text()}`);
  const html = await page.text();
  const form = /<form method="post" action="([^"]+)">([\s\S]*?)<\/form>/.exec(html);
  if (!form?.[1] || form[2] === undefined) throw new Error('No consent form on the authorize page');
  const fields = new URLSearchParams();
  for (const match of form[2].matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields.set(match[1] ?? '', decodeHtml(match[2] ?? ''));
  }
  fields.set('decision', decision);
  const decisionAnswer = await fetch(new URL(form[1], authorizeUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: fields.toString(),
    redirect: 'manual',
  });
  const location = decisionAnswer.headers.get('location');
  if (decisionAnswer.status !== 302 || !location)
    throw new Error(`Approve answered ${decisionAnswer.status}`);
  return fetch(location);
}

function decodeHtml(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
