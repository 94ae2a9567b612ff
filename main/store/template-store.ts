import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { apiMessage, englishApiMessage } from '../../shared/api/api-messages';
import { KoppelError } from '../../shared/api/errors';
import type { FlowDocument } from '../../shared/flow/flow-document';
import type { FlowProblem } from '../../shared/flow/flow-problem';
import { FlowMigrationError, migrateFlow } from '../../shared/flow/migrations';
import type { CodedText } from '../../shared/flow/wording';

const SUFFIX = '.flow.json';

/**
 * A template's words in another language, beside it in `<id>.<language>.json`: the flow's name and
 * description and each node's label. A flow made from the template in that language gets them.
 */
const TemplateWording = z
  .object({
    name: z.string().min(1),
    description: z.string(),
    nodes: z.record(z.string(), z.string().min(1)),
  })
  .strict();
type TemplateWording = z.infer<typeof TemplateWording>;

/** The languages templates may have words for besides their own English. */
export type TemplateLanguage = 'en' | 'nl';

export interface Template {
  id: string;
  file: string;
  flow: FlowDocument | null;
  /** Why the file does not read as a flow, when it does not. */
  error: string | null;
  /** The same as a code (flow-messages.ts), for the UI's language. */
  errorText: CodedText | null;
}

/**
 * The ready-made flows in `resources/templates/<id>.flow.json`. A missing folder is an empty list.
 * Template ids are their file names; the flow inside carries the same id so its cursors and
 * ledger stay the same run after run.
 */
export class TemplateStore {
  constructor(private readonly folder: string) {}

  list(): Template[] {
    if (!fs.existsSync(this.folder)) return [];
    return fs
      .readdirSync(this.folder)
      .filter((file) => file.endsWith(SUFFIX))
      .sort()
      .map((file) => this.read(file.slice(0, -SUFFIX.length)));
  }

  /**
   * The template's flow, or `not_found` / `invalid_flow`; in `language`, its name, description and
   * node labels are that language's where the template has words for it.
   */
  get(id: string, language: TemplateLanguage = 'en'): FlowDocument {
    if (!/^[A-Za-z0-9_-]+$/.test(id))
      throw new KoppelError('not_found', apiMessage('templateNotFound', { id }));
    const template = this.read(id);
    if (template.errorText !== null || !template.flow) {
      throw new KoppelError(
        template.errorText?.code === 'templateNotFound' ? 'not_found' : 'invalid_flow',
        template.errorText ?? apiMessage('templateEmpty', { id }),
      );
    }
    return language === 'en' ? template.flow : this.worded(id, template.flow, language);
  }

  /** The words for `language`; throws `invalid_flow` naming the file when they do not fit the template. */
  wording(id: string, language: Exclude<TemplateLanguage, 'en'>): TemplateWording | undefined {
    const file = path.join(this.folder, `${id}.${language}.json`);
    if (!fs.existsSync(file)) return undefined;
    let wording: TemplateWording;
    try {
      wording = TemplateWording.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    } catch (error) {
      // The parser's own words (JSON's, or zod's list of issues), as they came.
      const problem = error instanceof Error ? error.message : String(error);
      throw new KoppelError(
        'invalid_flow',
        apiMessage('templateUnreadable', { id, file, problem, problemNl: problem }),
      );
    }
    return wording;
  }

  private worded(id: string, flow: FlowDocument, language: Exclude<TemplateLanguage, 'en'>): FlowDocument {
    const wording = this.wording(id, language);
    if (!wording) return flow;
    return {
      ...flow,
      name: wording.name,
      description: wording.description,
      nodes: flow.nodes.map((node) => {
        const label = wording.nodes[node.id];
        return label === undefined ? node : { ...node, label };
      }),
    };
  }

  private read(id: string): Template {
    const file = path.join(this.folder, `${id}${SUFFIX}`);
    const unreadable = (errorText: CodedText): Template => ({
      id,
      file,
      flow: null,
      error: englishApiMessage(errorText),
      errorText,
    });
    if (!fs.existsSync(file)) return unreadable(apiMessage('templateNotFound', { id }));
    try {
      return {
        id,
        file,
        flow: migrateFlow(JSON.parse(fs.readFileSync(file, 'utf8'))),
        error: null,
        errorText: null,
      };
    } catch (error) {
      // A migration's failure in each language; the JSON parser's or the file system's words as they came.
      const said = error instanceof SyntaxError ? error.message : String(error);
      const words = error instanceof FlowMigrationError ? error.words() : { problem: said, problemNl: said };
      return unreadable(apiMessage('templateUnreadable', { id, file, ...words }));
    }
  }
}

/** Problems of a template that does not even read. */
export function unreadableTemplateProblem(template: Template): FlowProblem[] {
  return template.error ? [{ severity: 'error', code: 'template.unreadable', message: template.error }] : [];
}
