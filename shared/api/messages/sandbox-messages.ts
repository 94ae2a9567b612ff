import { wording, type Wording } from '../../flow/wording';

/** What calls about the sandbox (main/sandbox) answer when they fail, in English and Dutch. */
export const sandboxMessages = {
  sandboxAlreadyRunsHere: wording<Record<string, never>>(
    () => 'The sandbox already runs in this process.',
    () => 'De sandbox draait al in dit proces.',
  ),
  /** Another live process runs this data folder's twins, at `teamleaderUrl` and `mplusUrl`. */
  sandboxRunsElsewhere: wording<{ pid: number; teamleaderUrl: string; mplusUrl: string }>(
    ({ pid, teamleaderUrl, mplusUrl }) =>
      `A sandbox for this data folder already runs in process ${pid} ` +
      `(Teamleader ${teamleaderUrl}, MplusKASSA ${mplusUrl}). Stop it first, or use that one.`,
    ({ pid, teamleaderUrl, mplusUrl }) =>
      `Voor deze gegevensmap draait al een sandbox in proces ${pid} ` +
      `(Teamleader ${teamleaderUrl}, MplusKASSA ${mplusUrl}). Stop die eerst, of gebruik hem.`,
  ),
  sandboxNotAnswering: wording<{ pid: number; teamleaderUrl: string; mplusUrl: string }>(
    ({ pid, teamleaderUrl, mplusUrl }) =>
      `The sandbox of process ${pid} does not answer (Teamleader ${teamleaderUrl}, ` +
      `MplusKASSA ${mplusUrl}); stop that process or wait until it has started.`,
    ({ pid, teamleaderUrl, mplusUrl }) =>
      `De sandbox van proces ${pid} antwoordt niet (Teamleader ${teamleaderUrl}, ` +
      `MplusKASSA ${mplusUrl}); stop dat proces of wacht tot hij gestart is.`,
  ),
  /** Another live process holds the sandbox's start lock past the wait. */
  sandboxStartTakesLong: wording<{ pid: number }>(
    ({ pid }) =>
      `Another Koppel process (pid ${pid}) has been starting the sandbox for too long; try again once it has started, or stop that process.`,
    ({ pid }) =>
      `Een ander Koppel-proces (pid ${pid}) is al te lang bezig de sandbox te starten; probeer het opnieuw als hij gestart is, of stop dat proces.`,
  ),
  sandboxOff: wording<Record<string, never>>(
    () => 'The sandbox is turned off in Settings.',
    () => 'De sandbox staat uit in Instellingen.',
  ),
  sandboxOffForUse: wording<Record<string, never>>(
    () => 'The sandbox is turned off in Settings; turn it on to use it.',
    () => 'De sandbox staat uit in Instellingen; zet hem aan om hem te gebruiken.',
  ),
  sandboxSharedApply: wording<{ pid: number }>(
    ({ pid }) =>
      `The sandbox runs in another Koppel process (${pid}); restart it there to use other sample data.`,
    ({ pid }) =>
      `De sandbox draait in een ander Koppel-proces (${pid}); herstart hem daar om andere voorbeeldgegevens te gebruiken.`,
  ),
  sandboxBusyApply: wording<{ runs: number }>(
    ({ runs }) =>
      `${runs === 1 ? 'A run is' : `${runs} runs are`} in progress; apply the new sample data once ${runs === 1 ? 'it has' : 'they have'} finished.`,
    ({ runs }) =>
      `${runs === 1 ? 'Er loopt een run' : `Er lopen ${runs} runs`}; pas de nieuwe voorbeeldgegevens toe als ${runs === 1 ? 'die klaar is' : 'die klaar zijn'}.`,
  ),
} satisfies Record<string, Wording<never>>;
