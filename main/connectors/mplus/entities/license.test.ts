import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMessageText } from '../../../../shared/flow/run-messages';
import { createMplusClient, type MplusClient } from '../client';
import { MplusProtocolError } from '../errors';

/**
 * Answers a real server may give that the twin does not: every element of
 * GetLicenseInformationResponse is optional. A bare loopback server replies with fixed XML.
 */

let server: http.Server;
let client: MplusClient;
let answer = '';

const envelope = (body: string) =>
  `<?xml version="1.0" encoding="utf-8"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns="urn:mplusqapi"><SOAP-ENV:Body>${body}</SOAP-ENV:Body></SOAP-ENV:Envelope>`;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume().on('end', () => res.writeHead(200, { 'Content-Type': 'text/xml' }).end(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  client = createMplusClient({ url: `http://127.0.0.1:${port}/`, ident: 'i', secret: 's', maxRetries: 0 });
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('getLicenseInformation answers', () => {
  it('an empty answer is a licence with no company and no branches', async () => {
    answer = envelope('<ns:GetLicenseInformationResponse/>');
    expect(await client.getLicenseInformation()).toEqual({ branches: [] });
  });

  it('blank texts count as absent; one branch without modules is a one-item list with no modules', async () => {
    answer = envelope(
      '<ns:GetLicenseInformationResponse><ns:companyName>  </ns:companyName><ns:city>Zwolle</ns:city>' +
        '<ns:licensedBranches><ns:licensedBranch><ns:branchNumber>7</ns:branchNumber><ns:branchName></ns:branchName>' +
        '</ns:licensedBranch></ns:licensedBranches></ns:GetLicenseInformationResponse>',
    );
    expect(await client.getLicenseInformation()).toEqual({
      city: 'Zwolle',
      branches: [{ branchNumber: 7, modules: [] }],
    });
  });

  it('a branch without its required number is a protocol error naming the element', async () => {
    answer = envelope(
      '<ns:GetLicenseInformationResponse><ns:licensedBranches><ns:licensedBranch><ns:branchName>X</ns:branchName>' +
        '</ns:licensedBranch></ns:licensedBranches></ns:GetLicenseInformationResponse>',
    );
    const error = await client.getLicenseInformation().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'MplusProtocolError', kind: 'permanent' });
    expect(String(error)).toMatch(
      /MplusKASSA's answer to getLicenseInformation does not match the WSDL at .*branchNumber/,
    );
    // A Dutch screen says it in Dutch (the decoder's own detail stays as it is).
    const text = error instanceof MplusProtocolError ? error.text : undefined;
    expect(text && runMessageText(text, 'nl')).toMatch(
      /^Het antwoord van MplusKASSA op getLicenseInformation klopt niet met de WSDL bij .*branchNumber/,
    );
  });
});
