import type { DomainHandlers } from '../api/handlers';
import type { AppContext } from '../app/context';
import { toJsonSchema } from '../../shared/nodes/catalog';
import { unreadableTemplateProblem } from '../store/template-store';

export function catalogHandlers(ctx: AppContext): DomainHandlers<'catalog'> {
  const { registry } = ctx.sync;
  return {
    'catalog.list': ({ includeHidden }) => ({
      nodes: registry.catalog.toEntries().filter((entry) => includeHidden || !entry.hidden),
      recordTypes: registry.catalog
        .recordTypes()
        .map((type) => ({ id: type.id, label: type.label, schema: toJsonSchema(type.schema) })),
    }),
  };
}

export function templatesHandlers(ctx: AppContext): DomainHandlers<'templates'> {
  const { templates, engine } = ctx.sync;
  // Words that do not fit the template are refused when a flow is made from it; the list shows its own.
  const dutchWords = (id: string) => {
    try {
      const words = templates.wording(id, 'nl');
      return words && { name: words.name, description: words.description };
    } catch {
      return undefined;
    }
  };
  return {
    'templates.list': () => ({
      templates: templates.list().map((template) => {
        const own = {
          name: template.flow?.name ?? template.id,
          description: template.flow?.description ?? null,
        };
        return {
          id: template.id,
          ...own,
          words: { en: own, nl: dutchWords(template.id) ?? own },
          nodeCount: template.flow?.nodes.length ?? 0,
          problems: template.flow ? engine.validate(template.flow) : unreadableTemplateProblem(template),
        };
      }),
    }),
  };
}
