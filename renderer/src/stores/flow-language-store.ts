import i18next from 'i18next';
import { create } from 'zustand';

const pick = (language: string | undefined): 'en' | 'nl' => (language === 'nl' ? 'nl' : 'en');

/**
 * The UI language for the canvas nodes. Two hundred nodes each calling `useTranslation` (and
 * `t`, which parses its key every call) cost more than the rest of their render; they read this
 * store and take their texts from {@link nodeText}, which remembers them per language.
 */
export const useFlowLanguageStore = create<{ language: 'en' | 'nl' }>()(() => ({
  language: pick(i18next.language),
}));

type NodeTextKey =
  | 'editor.node.unconfigured'
  | 'editor.node.problems'
  | 'editor.node.warnings'
  | 'editor.node.passed'
  | 'editor.node.skipped'
  | 'editor.node.failed'
  | 'editor.node.stopped'
  | 'editor.node.countsLabel'
  | 'editor.node.countsLabelStopped'
  | 'editor.node.inputPort'
  | 'editor.node.outputPort'
  | 'runs.detail.nodeFixed'
  | 'runs.detail.nodeStillFailing'
  | 'runs.detail.nodeFailingAfterRetry'
  | 'editor.category.trigger'
  | 'editor.category.source'
  | 'editor.category.transform'
  | 'editor.category.target'
  | 'editor.system.core'
  | 'editor.system.teamleader'
  | 'editor.system.mplus'
  | 'flows.schedule.manual'
  | 'flows.schedule.minutes'
  | 'flows.schedule.hours'
  | 'flows.schedule.cron';

const cache = new Map<string, string>();

/** A translated text for canvas nodes, computed once per language, key and values. */
export function nodeText(key: NodeTextKey, values?: Readonly<Record<string, string | number>>): string {
  const id = `${i18next.language}\u0000${key}\u0000${values ? JSON.stringify(values) : ''}`;
  let text = cache.get(id);
  if (text === undefined) {
    text = i18next.t(key, { ...values });
    // Bounded: node texts vary only by counts and port names.
    if (cache.size > 5000) cache.clear();
    cache.set(id, text);
  }
  return text;
}

i18next.on('languageChanged', (language) => useFlowLanguageStore.setState({ language: pick(language) }));
