/**
 * The runtime model of the MplusQapi schema that the generator (scripts/generate-mplus-types.ts)
 * writes to ../generated/schema.ts. The XML codec and the conversions walk it, so element order,
 * required wrappers, lists and scalar types always come from the WSDL, never from hand-written code.
 */

/** XSD built-in types used by the WSDL (SOAP-ENC:base64 is mapped to base64). */
export type PrimitiveType =
  | 'string'
  | 'long'
  | 'int'
  | 'short'
  | 'unsignedByte'
  | 'unsignedShort'
  | 'unsignedInt'
  | 'unsignedLong'
  | 'boolean'
  | 'decimal'
  | 'date'
  | 'dateTime'
  | 'base64';

/**
 * How a field is converted between the wire and Koppel: `money` = integer cents ↔ decimal,
 * `quantity` = unscaled integer ↔ decimal using the companion `scaleField`, `scale` = that companion
 * (not present in Koppel types).
 */
export type FieldConversion = 'money' | 'quantity' | 'scale';

export interface FieldModel {
  readonly name: string;
  readonly kind: 'primitive' | 'enum' | 'complex';
  /** A PrimitiveType, an enum name or a complex type name (keys of SchemaModel.enums / .types). */
  readonly type: string;
  /** minOccurs ≥ 1. */
  readonly required: boolean;
  /** maxOccurs="unbounded": always an array, even with one item. */
  readonly list: boolean;
  readonly conversion?: FieldConversion;
  /** For `quantity`: the companion field holding the number of decimals. */
  readonly scaleField?: string;
}

export interface ComplexTypeModel {
  /** Flattened: fields of an extended base type come first, as XSD extension prescribes. */
  readonly fields: readonly FieldModel[];
}

export interface OperationModel {
  readonly name: string;
  /** Key in SchemaModel.types of the request wrapper (the operation element's anonymous type). */
  readonly requestType: string;
  /** Exact response element name from the WSDL (findOrder answers GetOrderResponse). */
  readonly responseElement: string;
  /** Key in SchemaModel.types of the response element's type. */
  readonly responseType: string;
  /** The request extends IdempotentReq (carries idempotencyKey). */
  readonly idempotent: boolean;
}

export interface SchemaModel {
  /** sha256 of the WSDL the model was generated from (a test checks it is not stale). */
  readonly wsdlSha256: string;
  readonly types: Readonly<Record<string, ComplexTypeModel>>;
  readonly enums: Readonly<Record<string, readonly string[]>>;
  readonly operations: Readonly<Record<string, OperationModel>>;
}

export const MPLUS_NAMESPACE = 'urn:mplusqapi';
export const SOAP_ENV_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';
/** Struct types converted to ISO strings in Koppel types. */
export const DATE_TYPE = 'SoapMplusDate';
export const DATE_TIME_TYPE = 'SoapMplusDateTime';
