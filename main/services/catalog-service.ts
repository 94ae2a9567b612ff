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
  return {
    'templates.list': () => ({
      templates: templates.list().map((template) => ({
        id: template.id,
        name: template.flow?.name ?? template.id,
        description: template.flow?.description ?? null,
        nodeCount: template.flow?.nodes.length ?? 0,
        problems: template.flow ? engine.validate(template.flow) : unreadableTemplateProblem(template),
      })),
    }),
  };
}
