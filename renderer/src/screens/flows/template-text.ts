import type { TFunction } from 'i18next';
import type { TemplateSummary } from '../../../../shared/api/calls/catalog';
import en from '../../i18n/locales/en.json';

type ShippedTemplate = keyof typeof en.flows.templates;

const isShipped = (id: string): id is ShippedTemplate => Object.hasOwn(en.flows.templates, id);

/**
 * A template's name and description in the user's language, in a shop owner's words. Templates
 * Koppel does not ship (added to the templates folder by hand) keep their own text.
 */
export function templateText(
  t: TFunction,
  entry: Pick<TemplateSummary, 'id' | 'name' | 'description'>,
): { name: string; description: string | undefined } {
  if (!isShipped(entry.id)) return { name: entry.name, description: entry.description ?? undefined };
  return {
    name: t(`flows.templates.${entry.id}.name`),
    description: t(`flows.templates.${entry.id}.description`),
  };
}
