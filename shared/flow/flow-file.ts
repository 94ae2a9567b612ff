import type { FlowDocument } from './flow-document';

/** A file name for an exported flow: its name in kebab-case (its id when nothing of it is left). */
export function flowFileName(flow: FlowDocument): string {
  const slug = flow.name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || flow.id}.flow.json`;
}

/** An exported flow's text: the document as pretty JSON, as `koppel flows import` and the app read it. */
export function flowFileText(flow: FlowDocument): string {
  return `${JSON.stringify(flow, null, 2)}\n`;
}
