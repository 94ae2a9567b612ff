import { XMLParser } from 'fast-xml-parser';
import { isMoneyFieldName, QUANTITY_PAIRS } from './conversion-rules';
import type {
  ComplexTypeModel,
  FieldModel,
  OperationModel,
  PrimitiveType,
  SchemaModel,
} from './schema-model';

/**
 * Reads the WSDL's schema, messages and portType into a SchemaModel covering every operation.
 * The generator narrows it to the operations Koppel uses; tests use it to cross-check.
 */

interface RawElement {
  '@_name': string;
  '@_type'?: string;
  '@_minOccurs'?: string;
  '@_maxOccurs'?: string;
  annotation?: { documentation?: unknown };
  complexType?: RawComplexType[];
}
interface RawComplexType {
  '@_name'?: string;
  sequence?: { element?: RawElement[] } | '';
  complexContent?: { extension?: { '@_base': string; sequence?: { element?: RawElement[] } | '' } };
}
interface RawSimpleType {
  '@_name': string;
  restriction?: { enumeration?: { '@_value': string }[] };
}

const ARRAYS = new Set([
  'element',
  'complexType',
  'simpleType',
  'enumeration',
  'message',
  'operation',
  'part',
]);

const PRIMITIVES: Record<string, PrimitiveType> = {
  'xsd:string': 'string',
  'xsd:long': 'long',
  'xsd:int': 'int',
  'xsd:short': 'short',
  'xsd:unsignedByte': 'unsignedByte',
  'xsd:unsignedShort': 'unsignedShort',
  'xsd:unsignedInt': 'unsignedInt',
  'xsd:unsignedLong': 'unsignedLong',
  'xsd:boolean': 'boolean',
  'xsd:decimal': 'decimal',
  'xsd:date': 'date',
  'xsd:dateTime': 'dateTime',
  'SOAP-ENC:base64': 'base64',
};

/** Field documentation, keyed `Type.field`, for the generated JSDoc. */
export type FieldDocs = Map<string, string>;

export interface ParsedWsdl {
  readonly model: Omit<SchemaModel, 'wsdlSha256'>;
  readonly docs: FieldDocs;
}

const sequenceOf = (node: { sequence?: { element?: RawElement[] } | '' } | undefined): RawElement[] =>
  node?.sequence && typeof node.sequence === 'object' ? (node.sequence.element ?? []) : [];

function docText(element: RawElement): string | undefined {
  const doc = element.annotation?.documentation;
  if (typeof doc !== 'string') return undefined;
  const text = doc.replace(/\s+/g, ' ').trim();
  return text || undefined;
}

export function parseMplusWsdl(wsdl: string): ParsedWsdl {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    isArray: (name) => ARRAYS.has(name),
  });
  const root = parser.parse(wsdl) as {
    definitions: {
      types: {
        schema: { simpleType: RawSimpleType[]; complexType: RawComplexType[]; element: RawElement[] };
      };
      message: { '@_name': string; part: { '@_element': string }[] }[];
      portType: {
        operation: { '@_name': string; input: { '@_message': string }; output: { '@_message': string } }[];
      };
    };
  };
  const schema = root.definitions.types.schema;
  const docs: FieldDocs = new Map();

  const enums: Record<string, string[]> = {};
  for (const simple of schema.simpleType) {
    enums[simple['@_name']] = (simple.restriction?.enumeration ?? []).map((e) => e['@_value']);
  }

  const rawTypes = new Map<string, RawComplexType>();
  for (const complex of schema.complexType) rawTypes.set(complex['@_name'] ?? '', complex);

  const toField = (owner: string, element: RawElement): FieldModel => {
    const typeRef = element['@_type'];
    if (!typeRef) throw new Error(`${owner}.${element['@_name']} has no type attribute.`);
    const doc = docText(element);
    if (doc) docs.set(`${owner}.${element['@_name']}`, doc);
    const base = {
      name: element['@_name'],
      required: (element['@_minOccurs'] ?? '1') !== '0',
      list: element['@_maxOccurs'] === 'unbounded',
    };
    const primitive = PRIMITIVES[typeRef];
    if (primitive) return { ...base, kind: 'primitive', type: primitive };
    const local = typeRef.replace(/^tns:/, '');
    if (local in enums) return { ...base, kind: 'enum', type: local };
    if (rawTypes.has(local)) return { ...base, kind: 'complex', type: local };
    throw new Error(`${owner}.${element['@_name']} refers to unknown type ${typeRef}.`);
  };

  const withConversions = (fields: FieldModel[]): FieldModel[] => {
    const names = new Set(fields.map((f) => f.name));
    const scaleOf = new Map<string, string>();
    for (const [value, scale] of QUANTITY_PAIRS) {
      if (names.has(value) && names.has(scale)) scaleOf.set(value, scale);
    }
    const scales = new Set(scaleOf.values());
    return fields.map((field) => {
      if (field.kind !== 'primitive') return field;
      const scaleField = scaleOf.get(field.name);
      if (scaleField && field.type === 'long') return { ...field, conversion: 'quantity', scaleField };
      if (scales.has(field.name) && field.type === 'int') return { ...field, conversion: 'scale' };
      if (field.type === 'long' && isMoneyFieldName(field.name)) return { ...field, conversion: 'money' };
      return field;
    });
  };

  const types: Record<string, ComplexTypeModel> = {};
  const resolve = (name: string, seen: string[] = []): ComplexTypeModel => {
    const done = types[name];
    if (done) return done;
    if (seen.includes(name)) throw new Error(`Circular extension: ${[...seen, name].join(' → ')}`);
    const raw = rawTypes.get(name);
    if (!raw) throw new Error(`Unknown complex type ${name}.`);
    const extension = raw.complexContent?.extension;
    const inherited = extension
      ? resolve(extension['@_base'].replace(/^tns:/, ''), [...seen, name]).fields
      : [];
    const own = sequenceOf(extension ?? raw).map((element) => toField(name, element));
    const model = { fields: withConversions([...inherited, ...own]) };
    types[name] = model;
    return model;
  };
  for (const name of rawTypes.keys()) resolve(name);

  // Global elements: operation wrappers carry anonymous types, responses mostly name a type.
  const elementType = new Map<string, string>();
  for (const element of schema.element) {
    const name = element['@_name'];
    if (element['@_type']) {
      elementType.set(name, element['@_type'].replace(/^tns:/, ''));
    } else {
      const key = `element:${name}`;
      types[key] = {
        fields: withConversions(sequenceOf(element.complexType?.[0]).map((e) => toField(key, e))),
      };
      elementType.set(name, key);
    }
  }

  const messageElement = new Map<string, string>();
  for (const message of root.definitions.message) {
    const part = message.part[0];
    if (part) messageElement.set(message['@_name'], part['@_element'].replace(/^tns:/, ''));
  }

  const operations: Record<string, OperationModel> = {};
  for (const op of root.definitions.portType.operation) {
    const name = op['@_name'];
    const inputElement = messageElement.get(op.input['@_message'].replace(/^tns:/, ''));
    const outputElement = messageElement.get(op.output['@_message'].replace(/^tns:/, ''));
    if (!inputElement || !outputElement) throw new Error(`Operation ${name} has no input or output element.`);
    const requestType = elementType.get(inputElement);
    const responseType = elementType.get(outputElement);
    if (!requestType || !responseType) throw new Error(`Operation ${name} refers to an unknown element.`);
    const requestFields = types[requestType]?.fields ?? [];
    const idempotent = requestFields.some(
      (field) => field.kind === 'complex' && types[field.type]?.fields[0]?.name === 'idempotencyKey',
    );
    operations[name] = { name, requestType, responseElement: outputElement, responseType, idempotent };
  }

  return { model: { types, enums, operations }, docs };
}
