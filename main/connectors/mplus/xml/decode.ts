import { SaxesParser, type SaxesTagNS } from 'saxes';
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
  segment: string;
}
interface ScalarFrame {
  kind: 'scalar';
  field: FieldModel;
  parent: ComplexFrame;
  segment: string;
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

function pathOf(frame: ComplexFrame | undefined, last?: string): string {
  const segments: string[] = last ? [last] : [];
  for (let f = frame; f; f = f.parent) segments.unshift(f.segment);
  return segments.join('.');
}

function scalarValue(field: FieldModel, raw: string, path: string): unknown {
  if (field.kind === 'enum') {
    const text = raw.trim();
    if (!enumValues(field.type).has(text))
      throw new DecodeError(path, `"${text}" is not a ${field.type} value`);
    return text;
  }
  if (INTEGER_TYPES.has(field.type)) {
    const text = raw.trim();
    const value = Number(text);
    if (!INTEGER.test(text) || !Number.isSafeInteger(value)) {
      throw new DecodeError(
        path,
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
      throw new DecodeError(path, `"${text}" is not an xsd:boolean`);
    }
    case 'decimal': {
      const text = raw.trim();
      if (!DECIMAL.test(text)) throw new DecodeError(path, `"${text}" is not an xsd:decimal`);
      return text;
    }
    case 'string':
      return raw;
    default:
      return raw.trim();
  }
}

function assign(parent: ComplexFrame, field: FieldModel, value: unknown, path: string): void {
  if (field.list) {
    (parent.value[field.name] as unknown[]).push(value);
  } else if (field.name in parent.value) {
    throw new DecodeError(path, 'occurs more than once');
  } else {
    parent.value[field.name] = value;
  }
}

function newComplex(
  typeKey: string,
  field: FieldModel | undefined,
  parent: ComplexFrame | undefined,
  segment: string,
) {
  const fields = fieldsByName(typeKey);
  const value: Record<string, unknown> = {};
  for (const f of fields.values()) if (f.list) value[f.name] = [];
  return { kind: 'complex', typeKey, fields, value, field, parent, segment } satisfies ComplexFrame;
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
  const parser = new SaxesParser({ xmlns: true });
  const stack: Frame[] = [];
  let level: 'document' | 'envelope' | 'body' | 'done' = 'document';
  let result: DecodedEnvelope | undefined;
  let fault: Record<string, string> | undefined;

  parser.on('opentag', (tag: SaxesTagNS) => {
    const top = stack[stack.length - 1];
    if (top) {
      if (top.kind === 'skip') return void stack.push({ kind: 'skip', text: '' });
      if (top.kind === 'scalar')
        throw new DecodeError(pathOf(top.parent, top.segment), 'expected text, found an element');
      const field = top.fields.get(tag.local);
      if (!field) return void stack.push({ kind: 'skip', text: '' });
      const segment = field.list
        ? `${field.name}[${(top.value[field.name] as unknown[]).length}]`
        : field.name;
      if (field.kind === 'complex') stack.push(newComplex(field.type, field, top, segment));
      else stack.push({ kind: 'scalar', field, parent: top, segment, text: '' });
      return;
    }
    if (level === 'document') {
      if (tag.local !== 'Envelope' || tag.uri !== SOAP_ENV_NAMESPACE) {
        throw new DecodeError('', `expected a SOAP 1.1 Envelope, found <${tag.name}>`);
      }
      level = 'envelope';
    } else if (level === 'envelope') {
      if (tag.local === 'Body' && tag.uri === SOAP_ENV_NAMESPACE) level = 'body';
      else stack.push({ kind: 'skip', text: '' });
    } else if (level === 'body') {
      level = 'done';
      if (tag.local === 'Fault' && tag.uri === SOAP_ENV_NAMESPACE) {
        fault = {};
        stack.push({ kind: 'skip', text: '' });
        return;
      }
      const typeKey = typeFor(tag.local, tag.uri);
      if (!typeKey)
        throw new DecodeError('', `unexpected element <${tag.local}> (namespace "${tag.uri}") in the Body`);
      stack.push(newComplex(typeKey, undefined, undefined, tag.local));
      result = { kind: 'element', name: tag.local, namespace: tag.uri, typeKey, value: {} };
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

  parser.on('closetag', (tag: SaxesTagNS) => {
    const frame = stack.pop();
    if (!frame) return;
    if (frame.kind === 'skip') {
      // Fault children are unqualified (faultcode, faultstring, detail); nested detail text is kept whole.
      if (fault && stack.length === 1) fault[tag.local] = frame.text.trim();
      else if (fault && stack.length > 1) {
        const parent = stack[stack.length - 1];
        if (parent?.kind === 'skip') parent.text += frame.text;
      }
      return;
    }
    if (frame.kind === 'scalar') {
      const path = pathOf(frame.parent, frame.segment);
      assign(frame.parent, frame.field, scalarValue(frame.field, frame.text, path), path);
      return;
    }
    checkRequired(frame);
    if (frame.parent && frame.field) assign(frame.parent, frame.field, frame.value, pathOf(frame));
    else if (result?.kind === 'element') result.value = frame.value;
  });

  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof DecodeError) throw error;
    throw new DecodeError(
      '',
      `not well-formed XML: ${error instanceof Error ? error.message : String(error)}`,
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
