import { recordCount, wording } from '../wording';

/** What the engine itself says about a record or a run, in English and Dutch. */
export const engineMessages = {
  misplacedNode: wording<{ node: string; kind: string }>(
    ({ node, kind }) =>
      `Node ${node} (${kind}) cannot take records here: only transforms and targets follow a source.`,
    ({ node, kind }) =>
      `Node ${node} (${kind}) kan hier geen records ontvangen: na een bron komen alleen transformaties en doelen.`,
  ),
  cancelledBeforeDone: wording<Record<string, never>>(
    () => 'The run was cancelled before this record finished.',
    () => 'De run werd geannuleerd voordat dit record klaar was.',
  ),
  cannotRecover: wording<{ node: string }>(
    ({ node }) =>
      `Target ${node} cannot check whether an interrupted write happened (no findExisting); refusing to write again.`,
    ({ node }) =>
      `Doel ${node} kan niet nagaan of een onderbroken schrijfactie gelukt is (geen findExisting); Koppel schrijft niet opnieuw.`,
  ),
  interruptedCheckFailed: wording<{ key: string; detail: string }>(
    ({ key, detail }) =>
      `Could not check the interrupted write of ${key} (${detail}); it is checked again when the record comes back.`,
    ({ key, detail }) =>
      `Kon de onderbroken schrijfactie van ${key} niet controleren (${detail}); dat gebeurt opnieuw als het record terugkomt.`,
  ),
  interruptedWriteHappened: wording<{ key: string; ids: string }>(
    ({ key, ids }) => `The interrupted write of ${key} had happened (${ids}): recorded.`,
    ({ key, ids }) => `De onderbroken schrijfactie van ${key} was gelukt (${ids}): vastgelegd.`,
  ),
  interruptedWriteMissed: wording<{ key: string }>(
    ({ key }) => `The interrupted write of ${key} had not happened: nothing to record.`,
    ({ key }) => `De onderbroken schrijfactie van ${key} was niet gebeurd: niets vast te leggen.`,
  ),
  closingNodeFailed: wording<{ detail: string }>(
    ({ detail }) => `Closing a node failed: ${detail}`,
    ({ detail }) => `Een node afsluiten mislukte: ${detail}`,
  ),
  internalError: wording<{ key: string; detail: string }>(
    ({ key, detail }) => `Internal error on ${key}: ${detail}`,
    ({ key, detail }) => `Interne fout bij ${key}: ${detail}`,
  ),
  waitingOfferedAgain: wording<{ count: number; node: string }>(
    ({ count, node }) =>
      `Offering ${recordCount(count)} of "${node}" again that waited for another record (a product, an order) in earlier runs.`,
    ({ count, node }) =>
      `${recordCount(count)} van "${node}" opnieuw aangeboden die in eerdere runs wachtten op een ander record (een product, een order).`,
  ),
  waitingGivenUp: wording<{ count: number; node: string; days: number; keys: string }>(
    ({ count, node, days, keys }) =>
      `Stopped offering ${recordCount(count)} of "${node}" again after ${days} days of waiting for another record: ${keys}.`,
    ({ count, node, days, keys }) =>
      `${recordCount(count)} van "${node}" niet langer aangeboden na ${days} dagen wachten op een ander record: ${keys}.`,
  ),
  /** `detailNl`: the failure in Dutch, where Koppel worded it (absent in texts stored before). */
  sourceReadFailed: wording<{ node: string; detail: string; detailNl?: string }>(
    ({ node, detail }) => `Reading "${node}" failed: ${detail}`,
    ({ node, detail, detailNl }) => `Lezen van "${node}" mislukte: ${detailNl ?? detail}`,
  ),
  unreachableInARow: wording<{ count: number; last: string; lastNl?: string }>(
    ({ count, last }) =>
      `Stopped after ${count} records in a row failed because a system could not be reached (last: ${last}).`,
    ({ count, last, lastNl }) =>
      `Gestopt nadat ${count} records op rij mislukten omdat een systeem niet bereikbaar was (laatste: ${lastNl ?? last}).`,
  ),
  /** A scheduled start of a flow that cannot run; `problem` is its first problem (`problemNl` in Dutch). */
  flowCannotRun: wording<{ problem: string; problemNl: string; more: number }>(
    ({ problem, more }) =>
      `This scheduled run did not start. ${problem}${more > 0 ? ` (And ${more} more problem${more === 1 ? '' : 's'}.)` : ''} Fix the flow in the editor; the schedule tries again at its next time.`,
    ({ problemNl, more }) =>
      `Deze geplande run is niet gestart. ${problemNl}${more > 0 ? ` (En nog ${more} probleem${more === 1 ? '' : 'en'}.)` : ''} Herstel de flow in de editor; het schema probeert het op het volgende tijdstip opnieuw.`,
  ),
  lockLost: wording<Record<string, never>>(
    () => 'Another process took this flow over (this run was presumed dead); stopping.',
    () => 'Een ander proces heeft deze flow overgenomen (deze run leek gestopt); Koppel stopt.',
  ),
  /** A run whose process stopped; `pid` and `host` when the lock said who ran it. */
  processStopped: wording<{ pid?: number; host?: string; owner?: string }>(
    ({ pid, host, owner }) =>
      pid === undefined
        ? `The process running it (${owner ?? '?'}) is gone.`
        : `The process running it (pid ${pid} on ${host ?? '?'}) stopped before the run finished.`,
    ({ pid, host, owner }) =>
      pid === undefined
        ? `Het proces dat hem uitvoerde (${owner ?? '?'}) is er niet meer.`
        : `Het proces dat hem uitvoerde (pid ${pid} op ${host ?? '?'}) stopte voordat de run klaar was.`,
  ),
  interruptedRecord: wording<Record<string, never>>(
    () =>
      'Koppel stopped (closed or crashed) before this record finished. The next run of the flow picks it up; a retry checks the target first, so nothing is written twice.',
    () =>
      'Koppel stopte (afgesloten of vastgelopen) voordat dit record klaar was. De volgende run van de flow pakt het op; een nieuwe poging kijkt eerst in het doelsysteem, zodat niets twee keer wordt geschreven.',
  ),
  /** Why a transient failure was not tried again, shown after the failure's own words. */
  retriesUsedUp: wording<{ attempts: number }>(
    ({ attempts }) => `gave up after ${attempts} ${attempts === 1 ? 'attempt' : 'attempts'}`,
    ({ attempts }) => `opgegeven na ${attempts} ${attempts === 1 ? 'poging' : 'pogingen'}`,
  ),
  retryWaitTooLong: wording<{ waitS: number; maxS: number }>(
    ({ waitS, maxS }) =>
      `the system asked to wait ${waitS} s, longer than the flow's longest delay (${maxS} s)`,
    ({ waitS, maxS }) =>
      `het systeem vroeg ${waitS} s te wachten, langer dan de langste wachttijd van de flow (${maxS} s)`,
  ),
  /** A rate limit: `windowS` 60 reads "a minute". */
  rateLimitWait: wording<{ system: string; limit: number; windowS: number; waitS: number }>(
    ({ system, limit, windowS, waitS }) =>
      `${system} allows ${limit} calls ${windowS === 60 ? 'a minute' : `per ${windowS} s`}: the next call waits ${waitS} s.`,
    ({ system, limit, windowS, waitS }) =>
      `${system} staat ${limit} calls ${windowS === 60 ? 'per minuut' : `per ${windowS} s`} toe: de volgende call wacht ${waitS} s.`,
  ),
};
