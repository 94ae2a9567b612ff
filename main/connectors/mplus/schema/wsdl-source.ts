import fs from 'node:fs';
import path from 'node:path';
import { resourcesDir } from '../../../app/paths';

/** The vendored official WSDL (resources/specs/mplus/mplusqapi.wsdl), shipped with the app. */
export const mplusWsdlPath = (): string => path.join(resourcesDir(), 'specs', 'mplus', 'mplusqapi.wsdl');

let cachedWsdl: string | undefined;

/** The WSDL text without its UTF-8 byte order mark. */
export function readMplusWsdl(): string {
  cachedWsdl ??= fs.readFileSync(mplusWsdlPath(), 'utf8').replace(/^\uFEFF/, '');
  return cachedWsdl;
}

/**
 * The `<xsd:schema>` embedded in the WSDL as a standalone XSD document. The schema refers to the
 * `xsd:`/`tns:` prefixes that only `<definitions>` declares, imports SOAP-ENC only for
 * `SOAP-ENC:base64` (four image fields), so: re-declare the prefixes, drop the import and use
 * xsd:base64Binary (see stack-findings §5).
 */
export function extractMplusXsd(wsdl: string = readMplusWsdl()): string {
  const start = wsdl.indexOf('<xsd:schema');
  const endTag = '</xsd:schema>';
  const end = wsdl.indexOf(endTag);
  if (start < 0 || end < 0) throw new Error('The MplusQapi WSDL has no embedded <xsd:schema>.');
  const schema = wsdl.slice(start, end + endTag.length);
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    schema
      .replace(
        '<xsd:schema',
        '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:mplusqapi" xmlns:ns="urn:mplusqapi"',
      )
      .replace(/<import namespace="http:\/\/schemas\.xmlsoap\.org\/soap\/encoding\/"\s*\/>/, '')
      .replaceAll('SOAP-ENC:base64', 'xsd:base64Binary')
  );
}
