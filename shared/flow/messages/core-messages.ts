import { wording, type TextLanguage } from '../wording';
import { documentLabel, recordNoun } from './nouns';

/** ` (line 3, column 7)` after a message about user code, when the position is known. */
function position(line: number | undefined, column: number | undefined, language: TextLanguage): string {
  if (line === undefined) return '';
  const [lineWord, columnWord] = language === 'en' ? ['line', 'column'] : ['regel', 'kolom'];
  return ` (${lineWord} ${line}${column === undefined ? '' : `, ${columnWord} ${column}`})`;
}

/** JavaScript's value types in Dutch, for "not a string" and the like. */
const dutchTypes: Record<string, string> = {
  array: 'array',
  null: 'null',
  string: 'tekst',
  number: 'getal',
  boolean: 'ja/nee-waarde',
};

/**
 * What went wrong in user JavaScript (the sandbox's CodeError): Koppel's own words for limits and
 * results, or JavaScript's error text (`detail`) as QuickJS gave it.
 */
const codeProblems = {
  codeTimedOut: wording<{ ms: number }>(
    ({ ms }) => `The code ran longer than ${ms} ms and was stopped.`,
    ({ ms }) => `De code liep langer dan ${ms} ms en is gestopt.`,
  ),
  codeOutOfMemory: wording<{ mb: number }>(
    ({ mb }) => `The code used more than ${mb} MB of memory and was stopped.`,
    ({ mb }) => `De code gebruikte meer dan ${mb} MB geheugen en is gestopt.`,
  ),
  codeStackOverflow: wording<Record<string, never>>(
    () => 'Too much recursion (stack overflow)',
    () => 'Te diepe recursie (stack overflow)',
  ),
  codeReturnedNothing: wording<Record<string, never>>(
    () => 'The code returned nothing: end with `return record;` (or `return null;` to skip the record).',
    () =>
      'De code gaf niets terug: eindig met `return record;` (of `return null;` om het record over te slaan).',
  ),
  codeReturnedNonObject: wording<{ what: 'array' | 'null' | string }>(
    ({ what }) =>
      `The code must return an object (or null), not ${what === 'array' ? 'an array' : what === 'null' ? 'null' : `a ${what}`}.`,
    ({ what }) => `De code moet een object (of null) teruggeven, geen ${dutchTypes[what] ?? what}.`,
  ),
  /** JavaScript's own error text (`TypeError: …`, or what the user's code threw). */
  codeJsError: wording<{ detail: string }>(
    ({ detail }) => detail,
    ({ detail }) => detail,
  ),
};

type CodeProblemCode = keyof typeof codeProblems;

/** A problem in user code with its position: `problem` is a {@link codeProblems} code, then its parameters. */
interface CodeProblemParams {
  problem: string;
  line?: number;
  column?: number;
  ms?: number;
  mb?: number;
  what?: string;
  detail?: string;
  /** Which of a node's expressions (the field mapper's), 1-based. */
  expression?: number;
}

function codeProblem(params: CodeProblemParams, language: TextLanguage): string {
  const words = Object.hasOwn(codeProblems, params.problem)
    ? (codeProblems[params.problem as CodeProblemCode] as unknown as Record<
        TextLanguage,
        (params: CodeProblemParams) => string
      >)
    : undefined;
  const text = words ? words[language](params) : (params.detail ?? params.problem);
  const which =
    params.expression === undefined
      ? ''
      : `${language === 'nl' ? 'Expressie' : 'Expression'} ${params.expression}: `;
  return `${which}${text}${position(params.line, params.column, language)}`;
}

/** The validate node's rules, as its standard messages word them ("Field "email" must be …"). */
interface BrokenRule {
  rule: string;
  path: string;
  /** The value as JSON text, or absent for none. */
  shown?: string;
  limit?: string;
  length?: number;
}

function shownValue(shown: string | undefined, language: TextLanguage): string {
  return shown ?? (language === 'en' ? 'nothing' : 'niets');
}

function brokenRule(broken: BrokenRule, language: TextLanguage): string {
  const value = shownValue(broken.shown, language);
  const { path, limit = '', length = 0 } = broken;
  if (language === 'en') {
    const field = `Field "${path}"`;
    switch (broken.rule) {
      case 'required':
        return `${field} is required but empty`;
      case 'numeric':
        return `${field} must contain digits only, got ${value}`;
      case 'integer':
        return `${field} must be a whole number, got ${value}`;
      case 'number':
        return `${field} must be a number, got ${value}`;
      case 'email':
        return `${field} must be an e-mail address, got ${value}`;
      case 'regex':
        return `${field} must match /${limit}/, got ${value}`;
      case 'minLength':
        return `${field} must be at least ${limit} characters, got ${length} (${value})`;
      case 'maxLength':
        return `${field} must be at most ${limit} characters, got ${length} (${value})`;
      case 'oneOf':
        return `${field} must be one of ${limit}, got ${value}`;
      default:
        return `${field}: ${broken.rule}`;
    }
  }
  const field = `Veld "${path}"`;
  switch (broken.rule) {
    case 'required':
      return `${field} is verplicht maar leeg`;
    case 'numeric':
      return `${field} mag alleen cijfers bevatten, maar is ${value}`;
    case 'integer':
      return `${field} moet een geheel getal zijn, maar is ${value}`;
    case 'number':
      return `${field} moet een getal zijn, maar is ${value}`;
    case 'email':
      return `${field} moet een e-mailadres zijn, maar is ${value}`;
    case 'regex':
      return `${field} moet passen op /${limit}/, maar is ${value}`;
    case 'minLength':
      return `${field} moet minstens ${limit} tekens lang zijn, maar heeft er ${length} (${value})`;
    case 'maxLength':
      return `${field} mag hoogstens ${limit} tekens lang zijn, maar heeft er ${length} (${value})`;
    case 'oneOf':
      return `${field} moet een van ${limit} zijn, maar is ${value}`;
    default:
      return `${field}: ${broken.rule}`;
  }
}

/**
 * Several broken rules in flat parameters (`count`, then `rule0`, `path0`, `shown0`, … per rule);
 * a rule with the user's own message has `custom<i>` instead, shown as written.
 */
function brokenRules(params: Record<string, string | number>, language: TextLanguage): string {
  const texts: string[] = [];
  for (let index = 0; index < Number(params.count ?? 0); index++) {
    const custom = params[`custom${index}`];
    if (custom !== undefined) {
      texts.push(String(custom));
      continue;
    }
    const shown = params[`shown${index}`];
    const limit = params[`limit${index}`];
    texts.push(
      brokenRule(
        {
          rule: String(params[`rule${index}`] ?? ''),
          path: String(params[`path${index}`] ?? ''),
          ...(shown === undefined ? {} : { shown: String(shown) }),
          ...(limit === undefined ? {} : { limit: String(limit) }),
          length: Number(params[`length${index}`] ?? 0),
        },
        language,
      ),
    );
  }
  return `${texts.join('; ')}.`;
}

/** What the core transforms and the shared order steps say about a record, in English and Dutch. */
export const coreMessages = {
  ...codeProblems,
  /** A problem in user code on its own (the code editor's test), with its position. */
  codeProblemAt: wording<CodeProblemParams>(
    (params) => codeProblem(params, 'en'),
    (params) => codeProblem(params, 'nl'),
  ),
  codeNodeFailed: wording<CodeProblemParams>(
    (params) => `Code error: ${codeProblem(params, 'en')}`,
    (params) => `Fout in de code: ${codeProblem(params, 'nl')}`,
  ),
  expressionFailed: wording<CodeProblemParams & { field: string }>(
    (params) => `Field "${params.field}": the expression failed: ${codeProblem(params, 'en')}`,
    (params) => `Veld "${params.field}": de expressie mislukte: ${codeProblem(params, 'nl')}`,
  ),
  lookupMissing: wording<{ path: string; key: string; target?: string }>(
    ({ path, key, target }) =>
      `"${path}" is "${key}", which is not in the lookup table${target === undefined ? '' : ` (for "${target}")`}.`,
    ({ path, key, target }) =>
      `"${path}" is "${key}", en dat staat niet in de opzoektabel${target === undefined ? '' : ` (voor "${target}")`}.`,
  ),
  validationFailed: wording<Record<string, string | number>>(
    (params) => brokenRules(params, 'en'),
    (params) => brokenRules(params, 'nl'),
  ),
  // zod's words in each language (issueNl is absent from messages stored before it was added).
  invalidRecord: wording<{ record: string; field?: string; issue: string; issueNl?: string }>(
    ({ record, field, issue }) => `${record} record: ${field ? `field "${field}": ` : ''}${issue}`,
    ({ record, field, issue, issueNl }) =>
      `${recordNoun(record, 'nl')}-record: ${field ? `veld "${field}": ` : ''}${issueNl ?? issue}`,
  ),
  unknownPaymentMethod: wording<{ kind: string; number: string; method: string; orDefault?: string }>(
    ({ kind, number, method, orDefault }) =>
      `${documentLabel(kind, number, 'en')}: payment method "${method}" has no mapping; add it to the payment method table${orDefault ? ' or set a default payment method' : ''}.`,
    ({ kind, number, method, orDefault }) =>
      `${documentLabel(kind, number, 'nl')}: betaalmethode "${method}" heeft geen koppeling; voeg haar toe aan de tabel met betaalmethoden${orDefault ? ' of stel een standaardbetaalmethode in' : ''}.`,
  ),
  unknownShippingMethod: wording<{ kind: string; number: string; method: string }>(
    ({ kind, number, method }) =>
      `${documentLabel(kind, number, 'en')}: shipping method "${method}" has no mapping; add it to the shipping table.`,
    ({ kind, number, method }) =>
      `${documentLabel(kind, number, 'nl')}: verzendmethode "${method}" heeft geen koppeling; voeg haar toe aan de verzendtabel.`,
  ),
  unknownStatus: wording<{ order: string; status: string }>(
    ({ order, status }) => `Order status of "${order}": status "${status}" is not in the status map.`,
    ({ order, status }) => `Orderstatus van "${order}": status "${status}" staat niet in de statustabel.`,
  ),
  noTaxMapping: wording<{ kind: string; number: string; country: string; line: number; rate: number }>(
    ({ kind, number, country, line, rate }) =>
      `${documentLabel(kind, number, 'en')}: country "${country}" has no tax mapping (line ${line}, ${rate} %); add a row for ${country} to the tax rules.`,
    ({ kind, number, country, line, rate }) =>
      `${documentLabel(kind, number, 'nl')}: land "${country}" heeft geen btw-koppeling (regel ${line}, ${rate} %); voeg een rij voor ${country} toe aan de btw-regels.`,
  ),
};
