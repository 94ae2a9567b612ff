import type http from 'node:http';
import type { MplusOperationName, WireOperations } from '../generated/operations';
import { findOperation } from '../schema/schema-index';
import { MPLUS_NAMESPACE, SOAP_ENV_NAMESPACE, type OperationModel } from '../schema/schema-model';
import type { MplusXsdValidator } from '../schema/xsd-validator';
import { DecodeError, decodeEnvelope } from '../xml/decode';
import { buildFaultEnvelope, buildResponseEnvelope, type FaultCode } from '../xml/envelope';
import type { FaultInjector } from './faults';
import type { HandlerContext, OperationHandler } from './handlers/context';
import { isReadOperation, operationHandlers } from './handlers/index';

/**
 * The SOAP side of the twin: `POST /?ident=…&secret=…`. Credentials are checked first (Client
 * fault), then the Body's operation element against the WSDL's XSD (Client fault naming the
 * element), then the fault injector has its say, then the handler runs atomically.
 */

export interface SoapEndpointDeps {
  readonly ident: string;
  readonly secret: string;
  /** Resolves once the XSD is compiled. */
  readonly validator: Promise<MplusXsdValidator>;
  readonly faults: FaultInjector;
  readonly calls: Map<string, number>;
  /** Validate every answer against the XSD too (tests); an invalid answer becomes a Server fault. */
  readonly validateResponses: boolean;
  context(): HandlerContext;
  /** After every state-changing call (persistence). */
  onWrite(): void;
  /** Requests held open by the timeout fault, released on close. */
  readonly held: Set<http.ServerResponse>;
}

function send(
  res: http.ServerResponse,
  status: number,
  body: string,
  type = 'text/xml; charset=utf-8',
): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function fault(res: http.ServerResponse, code: FaultCode, message: string, detail?: string): void {
  send(res, 500, buildFaultEnvelope(code, message, detail));
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs one typed handler; the decoder has checked `request` against the operation's schema. */
function run<K extends MplusOperationName>(
  name: K,
  ctx: HandlerContext,
  request: Record<string, unknown>,
): Record<string, unknown> {
  const handler = operationHandlers[name] as OperationHandler<K>;
  const response: WireOperations[K]['response'] = handler(ctx, request as WireOperations[K]['request']);
  return { ...response };
}

export async function handleSoapRequest(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  body: string,
  deps: SoapEndpointDeps,
): Promise<void> {
  if (url.searchParams.get('ident') !== deps.ident || url.searchParams.get('secret') !== deps.secret) {
    return fault(res, 'Client', 'Authentication failed: unknown ident or wrong secret');
  }
  let validator: MplusXsdValidator;
  try {
    validator = await deps.validator;
  } catch (error) {
    return fault(res, 'Server', `The Koppel Mplus twin cannot load the WSDL schema: ${String(error)}`);
  }
  const validation = validator.validateEnvelopeBody(body);
  if (!validation.valid) {
    const [first = 'invalid request'] = validation.errors;
    const where = validation.element ? ` in ${validation.element}` : '';
    return fault(
      res,
      'Client',
      `Validation constraint violation${where}: ${first}`,
      validation.errors.join('\n'),
    );
  }
  const op: OperationModel | undefined = findOperation(validation.element);
  if (!op || !(op.name in operationHandlers)) {
    return fault(
      res,
      'Client',
      `Operation ${validation.element} is not implemented by the Koppel Mplus twin`,
    );
  }
  const name = op.name as MplusOperationName;
  let request: Record<string, unknown>;
  try {
    const decoded = decodeEnvelope(body, (local) => (local === op.name ? op.requestType : undefined));
    if (decoded.kind !== 'element') return fault(res, 'Client', 'A request cannot carry a SOAP Fault');
    request = decoded.value;
  } catch (error) {
    if (error instanceof DecodeError) return fault(res, 'Client', error.message);
    throw error;
  }
  deps.calls.set(name, (deps.calls.get(name) ?? 0) + 1);

  const decision = deps.faults.decide(name);
  if (decision === 'refused') {
    return fault(res, 'Client', `Access denied: this API user has no right to call ${name}`);
  }
  const latency = deps.faults.latencyMs();
  if (latency > 0) await sleep(latency);
  if (decision === 'timeout') {
    deps.held.add(res);
    res.on('close', () => deps.held.delete(res));
    return;
  }
  if (decision === 'error') {
    const status = deps.faults.errorStatus();
    if (status === 500)
      return fault(res, 'Server', 'Sandbox fault: internal server error (nothing was changed)');
    return send(res, status, `Sandbox fault: HTTP ${status}`, 'text/plain; charset=utf-8');
  }
  if (decision === 'malformed') {
    const cut = `<?xml version="1.0" encoding="utf-8"?>\n<SOAP-ENV:Envelope xmlns:SOAP-ENV="${SOAP_ENV_NAMESPACE}" xmlns:ns="${MPLUS_NAMESPACE}"><SOAP-ENV:Body><ns:${op.responseElement}><ns:`;
    return send(res, 200, cut);
  }

  let answer: string;
  try {
    answer = buildResponseEnvelope(op, run(name, deps.context(), request));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fault(res, 'Server', `Internal error in the Koppel Mplus twin: ${message}`);
  } finally {
    if (!isReadOperation(name)) deps.onWrite();
  }
  if (deps.validateResponses) {
    const check = validator.validateEnvelopeBody(answer);
    if (!check.valid) {
      return fault(
        res,
        'Server',
        `The Koppel Mplus twin produced an invalid ${op.responseElement}: ${check.errors.join('; ')}`,
      );
    }
  }
  if (decision === 'lost') {
    // Applied, but the answer never arrives: drop the connection.
    req.socket.destroy();
    return;
  }
  send(res, 200, answer);
}
