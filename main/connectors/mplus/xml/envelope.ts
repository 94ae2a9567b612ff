import { MPLUS_NAMESPACE, SOAP_ENV_NAMESPACE, type OperationModel } from '../schema/schema-model';
import { encodeElement } from './encode';
import { escapeXmlText } from './xml-text';

/**
 * SOAP 1.1 envelopes as MplusQapi uses them: requests with prefix `ns1` (as the official client
 * sends them), answers with prefix `ns` (as the server does), faults with SOAP-ENV:Client/Server codes.
 */

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';

function envelope(namespaces: string, body: string, header = ''): string {
  return (
    `${XML_DECLARATION}<SOAP-ENV:Envelope xmlns:SOAP-ENV="${SOAP_ENV_NAMESPACE}"${namespaces}>` +
    `${header}<SOAP-ENV:Body>${body}</SOAP-ENV:Body></SOAP-ENV:Envelope>`
  );
}

/** The request for `operation` with the wrapper's children from `wire`. */
export function buildRequestEnvelope(operation: OperationModel, wire: Record<string, unknown>): string {
  const body = encodeElement(operation.name, operation.requestType, wire, 'ns1');
  return envelope(` xmlns:ns1="${MPLUS_NAMESPACE}"`, body, '<SOAP-ENV:Header/>');
}

/** The answer to `operation`, rooted at the response element named by the WSDL. */
export function buildResponseEnvelope(operation: OperationModel, wire: Record<string, unknown>): string {
  const body = encodeElement(operation.responseElement, operation.responseType, wire, 'ns');
  return envelope(` xmlns:ns="${MPLUS_NAMESPACE}"`, body);
}

export type FaultCode = 'Client' | 'Server' | `Client.${string}` | `Server.${string}`;

/** A SOAP 1.1 Fault (sent with HTTP 500). */
export function buildFaultEnvelope(code: FaultCode, faultstring: string, detail?: string): string {
  const detailXml = detail ? `<detail>${escapeXmlText(detail)}</detail>` : '';
  return envelope(
    '',
    `<SOAP-ENV:Fault><faultcode>SOAP-ENV:${code}</faultcode><faultstring>${escapeXmlText(faultstring)}</faultstring>${detailXml}</SOAP-ENV:Fault>`,
  );
}
