import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { enumValues, fieldsByName } from '../schema/schema-index';
import { SOAP_ENV_NAMESPACE, type FieldModel } from '../schema/schema-model';

/**
 * Streams a SOAP envelope through a strict XML parser straight into wire values, driven by the
 * generated schema model: children are matched by local name, repeated elements always become
 * arrays (a one-item list is still a list), scalars are checked against their XSD type and
 * required fields must be present. Unknown elements are skipped, so a newer server that adds
 * fields does not break the client.
 */

export class DecodeError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
    /** The text is not XML at all or cut off, rather than XML that breaks the schema. */
    readonly notWellFormed = false,
  ) {
    super(path ? `${path}: ${reason}` : reason);
    this.name = 'DecodeError';
  }
}

export type DecodedEnvelope =
  | { kind: 'element'; name: string; namespace: string; typeKey: string; value: Record<string, unknown> }
  | { kind: 'fault'; faultcode: string; faultstring: string; detail?: string };

/** Maps the Body's first element to the schema type key that describes it (undefined: not expected). */
export type ElementTypeResolver = (localName: string, namespace: string) => string | undefined;

interface ComplexFrame {
  kind: 'complex';
  typeKey: string;
  fields: ReadonlyMap<string, FieldModel>;
  value: Record<string, unknown>;
  field: FieldModel | undefined;
  parent: ComplexFrame | undefined;
  name: string;
  /** Position in its list, for error paths. */
  index: number | undefined;
}
interface ScalarFrame {
  kind: 'scalar';
  field: FieldModel;
  parent: ComplexFrame;
  index: number | undefined;
  text: string;
}
interface SkipFrame {
  kind: 'skip';
  text: string;
}
type Frame = ComplexFrame | ScalarFrame | SkipFrame;

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const INTEGER_TYPES = new Set([
  'long',
  'int',
  'short',
  'unsignedByte',
  'unsignedShort',
  'unsignedInt',
  'unsignedLong',
]);

const segment = (name: string, index: number | undefined): string =>
  index === undefined ? name : `${name}[${index}]`;

/** Error paths are built only when needed: most answers decode without one. */
function pathOf(frame: ComplexFrame | undefined, last?: string): string {
  const segments: string[] = last ? [last] : [];
  for (let f = frame; f; f = f.parent) segments.unshift(segment(f.name, f.index));
  return segments.join('.');
}

const localName = (qualified: string): string => qualified.slice(qualified.indexOf(':') + 1);
const prefixOf = (qualified: string): string => {
  const colon = qualified.indexOf(':');
  return colon < 0 ? '' : qualified.slice(0, colon);
};

const scalarPath = (frame: ScalarFrame): string =>
  pathOf(frame.parent, segment(frame.field.name, frame.index));

function scalarValue(field: FieldModel, raw: string, frame: ScalarFrame): unknown {
  if (field.kind === 'enum') {
    const text = raw.trim();
    if (!enumValues(field.type).has(text))
      throw new DecodeError(scalarPath(frame), `"${text}" is not a ${field.type} value`);
    return text;
  }
  if (INTEGER_TYPES.has(field.type)) {
    const text = raw.trim();
    const value = Number(text);
    if (!INTEGER.test(text) || !Number.isSafeInteger(value)) {
      throw new DecodeError(
        scalarPath(frame),
        `"${text}" is not an xsd:${field.type} (or exceeds JavaScript's safe integers)`,
      );
    }
    return value;
  }
  switch (field.type) {
    case 'boolean': {
      const text = raw.trim();
      if (text === 'true' || text === '1') return true;
      if (text === 'false' || text === '0') return false;
      throw new DecodeError(scalarPath(frame), `"${text}" is not an xsd:boolean`);
    }
    case 'decimal': {
      const text = raw.trim();
      if (!DECIMAL.test(text)) throw new DecodeError(scalarPath(frame), `"${text}" is not an xsd:decimal`);
      return text;
    }
    case 'string':
      return raw;
    default:
      return raw.trim();
  }
}

function assign(parent: ComplexFrame, field: FieldModel, value: unknown): void {
  if (field.list) {
    (parent.value[field.name] as unknown[]).push(value);
  } else if (field.name in parent.value) {
    throw new DecodeError(pathOf(parent, field.name), 'occurs more than once');
  } else {
    parent.value[field.name] = value;
  }
}

const listFields = new Map<string, readonly string[]>();

function newComplex(
  typeKey: string,
  field: FieldModel | undefined,
  parent: ComplexFrame | undefined,
  name: string,
  index: number | undefined,
): ComplexFrame {
  const fields = fieldsByName(typeKey);
  let lists = listFields.get(typeKey);
  if (!lists) {
    lists = [...fields.values()].filter((f) => f.list).map((f) => f.name);
    listFields.set(typeKey, lists);
  }
  const value: Record<string, unknown> = {};
  for (const list of lists) value[list] = [];
  return { kind: 'complex', typeKey, fields, value, field, parent, name, index };
}

function checkRequired(frame: ComplexFrame): void {
  for (const field of frame.fields.values()) {
    if (field.required && !field.list && !(field.name in frame.value)) {
      throw new DecodeError(pathOf(frame, field.name), `required element is missing`);
    }
  }
}

/** Parses a SOAP 1.1 envelope; the Body's first element is a Fault or decoded with `typeFor`. */
export function decodeEnvelope(xml: string, typeFor: ElementTypeResolver): DecodedEnvelope {
  const parser = new SaxesParser();
  const stack: Frame[] = [];
  let level: 'document' | 'envelope' | 'body' | 'done' = 'document';
  let result: DecodedEnvelope | undefined;
  let fault: Record<string, string> | undefined;

  // Namespace URIs matter only for Envelope, Body and the Body's first element; below it, children are
  // matched by local name, so the parser runs without namespace processing (it is faster that way).
  const prefixes = new Map<string, string>();
  const declare = (tag: SaxesTagPlain): void => {
    for (const [name, value] of Object.entries(tag.attributes)) {
      if (name === 'xmlns') prefixes.set('', value);
      else if (name.startsWith('xmlns:')) prefixes.set(name.slice(6), value);
    }
  };
  const uriOf = (qualified: string): string => prefixes.get(prefixOf(qualified)) ?? '';

  parser.on('opentag', (tag: SaxesTagPlain) => {
    const top = stack[stack.length - 1];
    if (top) {
      if (top.kind === 'skip') return void stack.push({ kind: 'skip', text: '' });
      if (top.kind === 'scalar') {
        throw new DecodeError(
          pathOf(top.parent, segment(top.field.name, top.index)),
          'expected text, found an element',
        );
      }
      const field = top.fields.get(localName(tag.name));
      if (!field) return void stack.push({ kind: 'skip', text: '' });
      const index = field.list ? (top.value[field.name] as unknown[]).length : undefined;
      if (field.kind === 'complex') stack.push(newComplex(field.type, field, top, field.name, index));
      else stack.push({ kind: 'scalar', field, parent: top, index, text: '' });
      return;
    }
    declare(tag);
    const local = localName(tag.name);
    const uri = uriOf(tag.name);
    if (level === 'document') {
      if (local !== 'Envelope' || uri !== SOAP_ENV_NAMESPACE) {
        throw new DecodeError('', `expected a SOAP 1.1 Envelope, found <${tag.name}>`);
      }
      level = 'envelope';
    } else if (level === 'envelope') {
      if (local === 'Body' && uri === SOAP_ENV_NAMESPACE) level = 'body';
      else stack.push({ kind: 'skip', text: '' });
    } else if (level === 'body') {
      level = 'done';
      if (local === 'Fault' && uri === SOAP_ENV_NAMESPACE) {
        fault = {};
        stack.push({ kind: 'skip', text: '' });
        return;
      }
      const typeKey = typeFor(local, uri);
      if (!typeKey)
        throw new DecodeError('', `unexpected element <${local}> (namespace "${uri}") in the Body`);
      stack.push(newComplex(typeKey, undefined, undefined, local, undefined));
      result = { kind: 'element', name: local, namespace: uri, typeKey, value: {} };
    } else {
      stack.push({ kind: 'skip', text: '' });
    }
  });

  parser.on('text', (text) => {
    const top = stack[stack.length - 1];
    if (top && top.kind !== 'complex') top.text += text;
  });
  parser.on('cdata', (text) => {
    const top = stack[stack.length - 1];
    if (top && top.kind !== 'complex') top.text += text;
  });

  parser.on('closetag', (tag: SaxesTagPlain) => {
    const frame = stack.pop();
    if (!frame) return;
    if (frame.kind === 'skip') {
      // Fault children are unqualified (faultcode, faultstring, detail); nested detail text is kept whole.
      if (fault && stack.length === 1) fault[localName(tag.name)] = frame.text.trim();
      else if (fault && stack.length > 1) {
        const parent = stack[stack.length - 1];
        if (parent?.kind === 'skip') parent.text += frame.text;
      }
      return;
    }
    if (frame.kind === 'scalar') {
      assign(frame.parent, frame.field, scalarValue(frame.field, frame.text, frame));
      return;
    }
    checkRequired(frame);
    if (frame.parent && frame.field) assign(frame.parent, frame.field, frame.value);
    else if (result?.kind === 'element') result.value = frame.value;
  });

  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof DecodeError) throw error;
    throw new DecodeError(
      '',
      `not well-formed XML: ${error instanceof Error ? error.message : String(error)}`,
      true,
    );
  }
  if (fault) {
    return {
      kind: 'fault',
      faultcode: fault.faultcode ?? '',
      faultstring: fault.faultstring ?? '',
      ...(fault.detail ? { detail: fault.detail } : {}),
    };
  }
  if (!result) throw new DecodeError('', 'the SOAP Body is missing or empty');
  return result;
}
