import { wording, type TextLanguage, type Wording } from '../../flow/wording';

// How each refused action reads after "cannot" / "kan niet" (the English as the sentences always said it).
const refusedActions = {
  reconnect: { en: 'be reconnected', nl: 'opnieuw worden verbonden' },
  edit: { en: 'be edited', nl: 'worden bewerkt' },
  disconnect: { en: 'disconnect', nl: 'worden ontkoppeld' },
  delete: { en: 'delete', nl: 'worden verwijderd' },
} satisfies Record<string, Record<TextLanguage, string>>;

/** What a connection that belongs to the sandbox is refused (`ConnectionRegistry.requireLive`). */
export type SandboxRefusedAction = keyof typeof refusedActions;

const refusedByName: Record<string, Record<TextLanguage, string> | undefined> = refusedActions;

// An action a newer version added reads as its token rather than failing.
const refused = (action: string, language: TextLanguage) => refusedByName[action]?.[language] ?? action;

/** " (file: …)" after a sentence about a file, when the file is known. */
const inFile = (file: string | undefined, word: string) => (file === undefined ? '' : ` (${word}: ${file})`);

/** What to do about a data folder document that does not read: its kept last version, when there is one. */
const putBack = wording<{ backup?: string | undefined }>(
  ({ backup }) =>
    backup === undefined
      ? 'Fix the file, or put back a copy from a backup.'
      : `Fix the file, or put back ${backup}: the file as it was before Koppel last saved it.`,
  ({ backup }) =>
    backup === undefined
      ? 'Herstel het bestand, of zet een kopie uit een back-up terug.'
      : `Herstel het bestand, of zet ${backup} terug: het bestand zoals het was voordat Koppel het laatst opsloeg.`,
);

/** What the user can do about an unreachable keychain on `platform` (a `process.platform` value). */
const keychainHint = wording<{ platform: string }>(
  ({ platform }) =>
    platform === 'darwin'
      ? 'Unlock the login keychain in Keychain Access and allow Koppel to use it.'
      : platform === 'win32'
        ? 'Windows Credential Manager is not reachable: sign in with a full (non-temporary) user profile.'
        : 'Koppel keeps secrets only in a Secret Service keyring. Install and unlock gnome-keyring ' +
          '(apt install gnome-keyring libsecret-1-0 dbus) or KeePassXC with Secret Service enabled; on a server ' +
          'without a desktop, run Koppel inside "dbus-run-session" with gnome-keyring-daemon unlocked, or supply ' +
          'secrets read-only through KOPPEL_SECRET_* environment variables (see main/vault/README.md).',
  ({ platform }) =>
    platform === 'darwin'
      ? 'Ontgrendel de inlogsleutelhanger in Sleutelhangertoegang en sta Koppel toe die te gebruiken.'
      : platform === 'win32'
        ? 'Windows Referentiebeheer is niet bereikbaar: meld u aan met een volledig (niet tijdelijk) gebruikersprofiel.'
        : 'Koppel bewaart geheimen alleen in een Secret Service-sleutelhanger. Installeer en ontgrendel gnome-keyring ' +
          '(apt install gnome-keyring libsecret-1-0 dbus) of KeePassXC met Secret Service aan; start Koppel op een server ' +
          'zonder bureaublad binnen "dbus-run-session" met gnome-keyring-daemon ontgrendeld, of geef geheimen alleen-lezen ' +
          'door via KOPPEL_SECRET_*-omgevingsvariabelen (zie main/vault/README.md).',
);

/** What calls about connections (main/connections), the keychain (main/vault) and settings (main/settings) answer when they fail, in English and Dutch. */
export const connectionMessages = {
  /** `expected` as the sentence names it: "Teamleader", "MplusKASSA", or a kind token. */
  connectionWrongKind: wording<{ id: string; kind: string; expected: string }>(
    ({ id, kind, expected }) => `Connection "${id}" is ${kind}, not ${expected}.`,
    ({ id, kind, expected }) => `Koppeling "${id}" is ${kind}, geen ${expected}.`,
  ),
  connectionKindUnknown: wording<{ kind: string }>(
    ({ kind }) => `Koppel has no "${kind}" connections; only teamleader and mplus.`,
    ({ kind }) => `Koppel kent geen "${kind}"-koppelingen; alleen teamleader en mplus.`,
  ),
  /** `system`: "Teamleader" or "MplusKASSA". */
  connectionNoneOfKind: wording<{ system: string }>(
    ({ system }) =>
      `No ${system} connection: connect one on the Connections screen, or turn the sandbox on in Settings.`,
    ({ system }) =>
      `Geen ${system}-koppeling: verbind er een op het scherm Koppelingen, of zet de sandbox aan in Instellingen.`,
  ),
  /** `known`: the ids there are, comma-separated; absent when there is none. */
  connectionNotFound: wording<{ id: string; known?: string }>(
    ({ id, known }) => `No connection "${id}"${known ? ` (known: ${known})` : ' (none is set up yet)'}.`,
    ({ id, known }) =>
      `Geen koppeling "${id}"${known ? ` (bekend: ${known})` : ' (er is er nog geen ingesteld)'}.`,
  ),
  connectionRemovedMeanwhile: wording<{ id: string }>(
    ({ id }) => `Connection "${id}" was removed meanwhile.`,
    ({ id }) => `Koppeling "${id}" is intussen verwijderd.`,
  ),
  connectionIdReserved: wording<{ prefix: string }>(
    ({ prefix }) => `Ids starting with "${prefix}" belong to the sandbox.`,
    ({ prefix }) => `Id's die met "${prefix}" beginnen, horen bij de sandbox.`,
  ),
  connectionBelongsToSandbox: wording<{ name: string; action: SandboxRefusedAction }>(
    ({ name, action }) =>
      `"${name}" belongs to the sandbox and cannot ${refused(action, 'en')}; turn the sandbox off in Settings instead.`,
    ({ name, action }) =>
      `"${name}" hoort bij de sandbox en kan niet ${refused(action, 'nl')}; zet in plaats daarvan de sandbox uit in Instellingen.`,
  ),
  connectionSandboxOff: wording<Record<string, never>>(
    () => 'The sandbox is turned off in Settings; turn it on to use this connection.',
    () => 'De sandbox staat uit in Instellingen; zet hem aan om deze koppeling te gebruiken.',
  ),
  teamleaderClientIdRequired: wording<Record<string, never>>(
    () => 'The Teamleader client id is required.',
    () => 'Het client-ID van Teamleader is verplicht.',
  ),
  teamleaderClientSecretRequired: wording<Record<string, never>>(
    () => 'The Teamleader client secret is required.',
    () => 'Het clientgeheim van Teamleader is verplicht.',
  ),
  /** `reason`: the operating system's own words for why the port could not be opened. */
  teamleaderRedirectPortBusy: wording<{ port: number; reason: string }>(
    ({ port, reason }) =>
      `Koppel cannot listen for the Teamleader redirect on 127.0.0.1:${port} ` +
      `(${reason}); close what uses that port or choose another.`,
    ({ port, reason }) =>
      `Koppel kan niet luisteren naar de doorverwijzing van Teamleader op 127.0.0.1:${port} ` +
      `(${reason}); sluit af wat die poort gebruikt of kies een andere.`,
  ),
  teamleaderAuthNotFound: wording<{ authId: string }>(
    ({ authId }) => `No Teamleader authorisation "${authId}" (it may have expired).`,
    ({ authId }) => `Geen Teamleader-autorisatie "${authId}" (misschien is die verlopen).`,
  ),
  teamleaderNotConnected: wording<{ name: string }>(
    ({ name }) =>
      `Teamleader connection "${name}" is not connected (no client secret stored): connect it again.`,
    ({ name }) =>
      `Teamleader-koppeling "${name}" is niet verbonden (geen clientgeheim opgeslagen): verbind opnieuw.`,
  ),
  /** `field`: "ident" or "secret", as MplusKASSA names them. */
  mplusCredentialRequired: wording<{ field: string }>(
    ({ field }) => `The MplusKASSA ${field} is required.`,
    ({ field }) => `De ${field} van MplusKASSA is verplicht.`,
  ),
  mplusCredentialFromEnvironment: wording<{ field: string; id: string; variable: string }>(
    ({ field, id, variable }) =>
      `The MplusKASSA ${field} of "${id}" comes from ${variable}; change it there.`,
    ({ field, id, variable }) =>
      `De ${field} van MplusKASSA-koppeling "${id}" komt uit ${variable}; wijzig die daar.`,
  ),
  mplusCredentialMissing: wording<{ name: string; field: string }>(
    ({ name, field }) =>
      `MplusKASSA connection "${name}" has no ${field} stored: enter it on the Connections screen.`,
    ({ name, field }) =>
      `MplusKASSA-koppeling "${name}" heeft geen ${field} opgeslagen: vul die in op het scherm Koppelingen.`,
  ),
  mplusHostInvalid: wording<{ host: string }>(
    ({ host }) => `MplusKASSA host "${host}" is not a host name or URL.`,
    ({ host }) => `MplusKASSA-host "${host}" is geen hostnaam of URL.`,
  ),
  mplusHostScheme: wording<{ host: string }>(
    ({ host }) => `MplusKASSA host "${host}" must use https:// (or http:// for a local test server).`,
    ({ host }) =>
      `MplusKASSA-host "${host}" moet https:// gebruiken (of http:// voor een lokale testserver).`,
  ),
  keychainHint,
  /** `reason`: the keychain library's own words; `platform`: `process.platform`, for what to do. */
  keychainUnavailable: wording<{ reason: string; platform: string }>(
    ({ reason, platform }) =>
      `The OS keychain is not available (${reason}). ${keychainHint.en({ platform })}`,
    ({ reason, platform }) =>
      `De sleutelhanger van het besturingssysteem is niet beschikbaar (${reason}). ${keychainHint.nl({ platform })}`,
  ),
  keychainNotReturned: wording<Record<string, never>>(
    () => 'The OS keychain accepted a secret but did not return it.',
    () => 'De sleutelhanger van het besturingssysteem nam een geheim aan, maar gaf het niet terug.',
  ),
  /** `problem`: what the settings migration said (English only: it has no code). */
  /** `file` once the settings store knows which file it read. */
  settingsFromNewerKoppel: wording<{ version: number; supported: number; file?: string }>(
    ({ version, supported, file }) =>
      `Settings were written by a newer Koppel (schema ${version}; this version reads up to ${supported}).${inFile(file, 'file')}`,
    ({ version, supported, file }) =>
      `De instellingen zijn geschreven door een nieuwere Koppel (schema ${version}; deze versie leest tot en met ${supported}).${inFile(file, 'bestand')}`,
  ),
  /** A JSON file of the data folder (settings, flows) that does not parse; `backup` when one is there. */
  documentNotJson: wording<{ file: string; detail: string; backup?: string }>(
    ({ file, detail, backup }) =>
      `Koppel cannot read ${file}: it is not valid JSON (${detail}). ${putBack.en({ backup })}`,
    ({ file, detail, backup }) =>
      `Koppel kan ${file} niet lezen: het is geen geldige JSON (${detail}). ${putBack.nl({ backup })}`,
  ),
  /** flows.json that parses but is not what Koppel writes (`{ "flows": { … } }`): edited by hand. */
  flowsFileShape: wording<{ file: string; backup?: string }>(
    ({ file, backup }) =>
      `Koppel cannot read ${file}: it holds no "flows" object, as Koppel writes it. ${putBack.en({ backup })}`,
    ({ file, backup }) =>
      `Koppel kan ${file} niet lezen: er staat geen "flows"-object in, zoals Koppel het schrijft. ${putBack.nl({ backup })}`,
  ),
  settingsNoMigration: wording<{ version: number; file?: string }>(
    ({ version, file }) => `No settings migration from schema ${version}.${inFile(file, 'file')}`,
    ({ version, file }) =>
      `Geen migratie van de instellingen vanaf schema ${version}.${inFile(file, 'bestand')}`,
  ),
  settingsNoVersion: wording<{ field: string; current: number; file?: string }>(
    ({ field, current, file }) =>
      `Settings have no schemaVersion, yet hold ${field}, which Koppel writes with one: put back "schemaVersion": ${current}.${inFile(file, 'file')}`,
    ({ field, current, file }) =>
      `De instellingen hebben geen schemaVersion, maar wel ${field}, dat Koppel met een versie schrijft: zet "schemaVersion": ${current} terug.${inFile(file, 'bestand')}`,
  ),
  settingsInvalid: wording<{ path: string; issue: string; issueNl: string; file?: string }>(
    ({ path, issue, file }) => `Settings are invalid at ${path}: ${issue}${inFile(file, 'file')}`,
    ({ path, issueNl, file }) =>
      `De instellingen zijn ongeldig bij ${path}: ${issueNl}${inFile(file, 'bestand')}`,
  ),
  connectionDisconnected: wording<Record<string, never>>(
    () => 'Disconnected: the stored credentials were deleted.',
    () => 'Ontkoppeld: de opgeslagen gegevens zijn verwijderd.',
  ),
  teamleaderAccessRefused: wording<Record<string, never>>(
    () => 'Access was refused on the Teamleader authorisation page.',
    () => 'De toegang is geweigerd op de autorisatiepagina van Teamleader.',
  ),
  /** `what`: Teamleader's own error code and description, when it gave them. */
  teamleaderAuthorisationError: wording<{ what?: string }>(
    ({ what }) => `Teamleader answered the authorisation with an error${what ? ` (${what})` : ''}.`,
    ({ what }) => `Teamleader beantwoordde de autorisatie met een fout${what ? ` (${what})` : ''}.`,
  ),
  teamleaderNoAnswer: wording<{ seconds: number }>(
    ({ seconds }) => `No answer from Teamleader within ${seconds} seconds; start the connection again.`,
    ({ seconds }) => `Geen antwoord van Teamleader binnen ${seconds} seconden; start het verbinden opnieuw.`,
  ),
  teamleaderSignInCancelled: wording<Record<string, never>>(
    () => 'The Teamleader sign-in was cancelled.',
    () => 'Het aanmelden bij Teamleader is geannuleerd.',
  ),
} satisfies Record<string, Wording<never>>;
