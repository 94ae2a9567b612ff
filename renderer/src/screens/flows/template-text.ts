import type { TemplateSummary } from '../../../../shared/api/calls/catalog';
import type { Language } from '../../i18n/useLanguage';

/**
 * A template's name and description in the user's language: main reads them from the template's
 * own files (`resources/templates/<id>.nl.json` beside the flow), so a flow made from it and the
 * list agree. A template added to the folder by hand keeps its own text in every language.
 */
export function templateText(
  language: Language,
  entry: Pick<TemplateSummary, 'words'>,
): { name: string; description: string | undefined } {
  const words = entry.words[language];
  return { name: words.name, description: words.description ?? undefined };
}
