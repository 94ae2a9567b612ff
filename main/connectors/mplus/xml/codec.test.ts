import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { operationModel } from '../schema/schema-index';
import { loadMplusXsdValidator, type MplusXsdValidator } from '../schema/xsd-validator';
import { DecodeError, decodeEnvelope } from './decode';
import { EncodeError } from './encode';
import { buildFaultEnvelope, buildRequestEnvelope, buildResponseEnvelope } from './envelope';
import { hasForbiddenXmlChar } from './xml-text';

let xsd: MplusXsdValidator;
beforeAll(async () => {
  xsd = await loadMplusXsdValidator();
});

const getProducts = operationModel('getProducts');
const getOrder = operationModel('getOrder');
const findOrder = operationModel('findOrder');
const getStock = operationModel('getStock');

const responseOf = (op: ReturnType<typeof operationModel>) => (local: string) =>
  local === op.responseElement ? op.responseType : undefined;

describe('request envelopes', () => {
  it('emit the required empty pluNumbers wrapper and keep sequence order', () => {
    const xml = buildRequestEnvelope(getProducts, { request: { syncMarkerLimit: 10, syncMarker: 5 } });
    expect(xml).toContain(
      '<ns1:getProducts><ns1:request><ns1:pluNumbers/><ns1:syncMarker>5</ns1:syncMarker><ns1:syncMarkerLimit>10</ns1:syncMarkerLimit></ns1:request></ns1:getProducts>',
    );
    expect(xsd.validateEnvelopeBody(xml)).toMatchObject({ valid: true, element: 'getProducts' });
  });

  it('send operations without children as an empty element', () => {
    const xml = buildRequestEnvelope(operationModel('getApiVersion'), {});
    expect(xml).toContain('<ns1:getApiVersion/>');
    expect(xsd.validateEnvelopeBody(xml).valid).toBe(true);
  });

  it('name the field of a missing required value or a value of the wrong type', () => {
    expect(() => buildRequestEnvelope(getStock, { request: { articleNumbers: {} } })).toThrow(
      'getStock.request.branchNumber: is required by the schema (int)',
    );
    expect(() => buildRequestEnvelope(getStock, { request: { branchNumber: 1.5 } })).toThrow(
      /getStock\.request\.branchNumber: 1\.5 is not an xsd:int/,
    );
    expect(() => buildRequestEnvelope(getProducts, { request: { syncMarkr: 1 } })).toThrow(
      'getProducts.request.syncMarkr: is not an element of GetProductsRequest',
    );
    expect(() => buildRequestEnvelope(getOrder, { orderId: 'a\u0001b' })).toThrow(EncodeError);
  });
});

describe('answers', () => {
  it('are decoded by local name with lists from the schema (a one-item list is still a list)', () => {
    const xml =
      '<?xml version="1.0"?><S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/" xmlns:x="urn:mplusqapi">' +
      '<S:Body><x:GetProductsResponse><x:productList><x:product><x:productNumber>7</x:productNumber>' +
      '<x:futureField>ignored</x:futureField><x:articleList><x:article><x:articleNumber>70</x:articleNumber>' +
      '<x:description>Mok &amp; schotel</x:description></x:article></x:articleList><x:groupNumbers>3</x:groupNumbers>' +
      '</x:product></x:productList></x:GetProductsResponse></S:Body></S:Envelope>';
    const decoded = decodeEnvelope(xml, responseOf(getProducts));
    expect(decoded).toEqual({
      kind: 'element',
      name: 'GetProductsResponse',
      namespace: 'urn:mplusqapi',
      typeKey: 'GetProductsResponse',
      value: {
        productList: {
          product: [
            {
              productNumber: 7,
              articleList: { article: [{ articleNumber: 70, description: 'Mok & schotel' }] },
              groupNumbers: [3],
            },
          ],
        },
      },
    });
  });

  it('take the response element name from the WSDL: findOrder answers GetOrderResponse', () => {
    expect(findOrder.responseElement).toBe('GetOrderResponse');
    const xml = buildResponseEnvelope(findOrder, { result: 'GET-ORDER-RESULT-NOT-FOUND' });
    expect(xml).toContain('<ns:GetOrderResponse>');
    expect(decodeEnvelope(xml, responseOf(findOrder))).toMatchObject({
      value: { result: 'GET-ORDER-RESULT-NOT-FOUND' },
    });
    expect(() =>
      decodeEnvelope(xml.replaceAll('GetOrderResponse', 'FindOrderResponse'), responseOf(findOrder)),
    ).toThrow(/unexpected element <FindOrderResponse>/);
  });

  it('reject missing required elements, bad scalars, unknown enum values and broken XML with the path', () => {
    const wrap = (inner: string) =>
      `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns="urn:mplusqapi"><S:Body>${inner}</S:Body></S:Envelope>`;
    expect(() => decodeEnvelope(wrap('<ns:GetOrderResponse/>'), responseOf(getOrder))).toThrow(
      'GetOrderResponse.result: required element is missing',
    );
    expect(() =>
      decodeEnvelope(
        wrap('<ns:GetOrderResponse><ns:result>MAYBE</ns:result></ns:GetOrderResponse>'),
        responseOf(getOrder),
      ),
    ).toThrow(/"MAYBE" is not a GetOrderResult value/);
    const badLong =
      '<ns:GetOrderResponse><ns:result>GET-ORDER-RESULT-OK</ns:result><ns:order><ns:orderId>1</ns:orderId>' +
      '<ns:lineList><ns:line><ns:articleNumber>x1</ns:articleNumber></ns:line></ns:lineList></ns:order></ns:GetOrderResponse>';
    expect(() => decodeEnvelope(wrap(badLong), responseOf(getOrder))).toThrow(
      'GetOrderResponse.order.lineList.line[0].articleNumber: "x1" is not an xsd:long',
    );
    const cutOff = wrap('<ns:GetOrderResponse><ns:result>GET-ORDER').slice(0, -20);
    expect(() => decodeEnvelope(cutOff, responseOf(getOrder))).toThrow(/not well-formed/);
    expect(() => decodeEnvelope('<html/>', responseOf(getOrder))).toThrow(/expected a SOAP 1.1 Envelope/);
  });

  it('read SOAP faults', () => {
    const xml = buildFaultEnvelope('Client', 'Validation <failed>', 'line 1\nline 2');
    expect(decodeEnvelope(xml, responseOf(getOrder))).toEqual({
      kind: 'fault',
      faultcode: 'SOAP-ENV:Client',
      faultstring: 'Validation <failed>',
      detail: 'line 1\nline 2',
    });
  });

  it('round-trip any text through encoder and decoder unchanged', () => {
    const xmlChar = fc.string({ unit: 'binary' }).filter((text) => !hasForbiddenXmlChar(text));
    fc.assert(
      fc.property(xmlChar, (text) => {
        const xml = buildResponseEnvelope(operationModel('saveInvoice'), {
          result: 'SAVE-INVOICE-RESULT-OK',
          info: { invoiceId: text, invoiceString: 'x' },
          errorMessage: text,
        });
        const decoded = decodeEnvelope(xml, responseOf(operationModel('saveInvoice')));
        expect(decoded).toMatchObject({ value: { errorMessage: text, info: { invoiceId: text } } });
      }),
    );
  });

  it('fail with DecodeError for a repeated single element', () => {
    const xml =
      '<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns="urn:mplusqapi"><S:Body><ns:GetOrderResponse>' +
      '<ns:result>GET-ORDER-RESULT-OK</ns:result><ns:result>GET-ORDER-RESULT-OK</ns:result></ns:GetOrderResponse></S:Body></S:Envelope>';
    expect(() => decodeEnvelope(xml, responseOf(getOrder))).toThrow(DecodeError);
  });
});
