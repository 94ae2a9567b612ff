import type * as Libxml2 from 'libxml2-wasm';
import { SOAP_ENV_NAMESPACE } from './schema-model';
import { extractMplusXsd } from './wsdl-source';

/**
 * Validates SOAP bodies against the XSD embedded in the official WSDL with libxml2 (compiled once
 * per process, ~0.2 s; then tens of µs a check). The twin checks every request with it; tests check
 * every request the client emits and every answer the twin sends.
 */

export type BodyValidation =
  | { valid: true; element: string; namespace: string }
  | { valid: false; element: string | undefined; errors: string[] };

export interface MplusXsdValidator {
  /** Validates the first element inside Envelope/Body of a SOAP envelope. */
  validateEnvelopeBody(envelopeXml: string): BodyValidation;
}

let loading: Promise<MplusXsdValidator> | undefined;

/** The process-wide validator (the compiled schema stays loaded; never disposed). */
export function loadMplusXsdValidator(): Promise<MplusXsdValidator> {
  loading ??= compile().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

function firstElementChild(lib: typeof Libxml2, element: Libxml2.XmlElement): Libxml2.XmlElement | undefined {
  for (let node = element.firstChild; node; node = node.next) {
    if (node instanceof lib.XmlElement) return node;
  }
  return undefined;
}

async function compile(): Promise<MplusXsdValidator> {
  // libxml2-wasm is an ES module with top-level await: it can only be loaded with import().
  const lib = await import('libxml2-wasm');
  const xsdDoc = lib.XmlDocument.fromString(extractMplusXsd());
  const validator = lib.XsdValidator.fromDoc(xsdDoc);

  const messages = (error: unknown): string[] => {
    if (error instanceof lib.XmlLibError && error.details.length > 0) {
      return error.details.map((detail) => detail.message.trim());
    }
    return [error instanceof Error ? error.message : String(error)];
  };

  return {
    validateEnvelopeBody(envelopeXml) {
      let doc: Libxml2.XmlDocument;
      try {
        doc = lib.XmlDocument.fromString(envelopeXml);
      } catch (error) {
        return {
          valid: false,
          element: undefined,
          errors: messages(error).map((m) => `not well-formed XML: ${m}`),
        };
      }
      try {
        const root = doc.root;
        if (root.name !== 'Envelope' || root.namespaceUri !== SOAP_ENV_NAMESPACE) {
          return {
            valid: false,
            element: undefined,
            errors: [`the root element is not a SOAP 1.1 Envelope`],
          };
        }
        let body: Libxml2.XmlElement | undefined;
        for (let node = root.firstChild; node; node = node.next) {
          if (
            node instanceof lib.XmlElement &&
            node.name === 'Body' &&
            node.namespaceUri === SOAP_ENV_NAMESPACE
          ) {
            body = node;
          }
        }
        const element = body && firstElementChild(lib, body);
        if (!element)
          return { valid: false, element: undefined, errors: ['the SOAP Body is missing or empty'] };
        try {
          validator.validate(element);
        } catch (error) {
          return { valid: false, element: element.name, errors: messages(error) };
        }
        return { valid: true, element: element.name, namespace: element.namespaceUri };
      } finally {
        doc.dispose();
      }
    },
  };
}
