import { englishMessage, runMessage, type RunMessage } from '../../../shared/flow/run-messages';
import type { CodedText } from '../../../shared/flow/wording';

/**
 * One error hierarchy for every way an Mplus call can fail, so an engine can classify with `kind`:
 * `transient` = the same call may succeed later (server faults, network, timeouts),
 * `permanent` = the request must change (client faults, invalid input, unreadable answers).
 * In-band business results (`…-ALREADY-EXISTS`, `…-NOT-FOUND`) are not errors: see outcomes.
 */
export type MplusErrorKind = 'permanent' | 'transient';

export abstract class MplusError extends Error {
  abstract readonly kind: MplusErrorKind;
  /** The operation being called, when known. */
  operation: string | undefined;
  /** The message as a code, so the screens word Koppel's part in their language. */
  readonly text: RunMessage | undefined;

  protected constructor(message: string | RunMessage, operation?: string, options?: ErrorOptions) {
    super(typeof message === 'string' ? message : englishMessage(message), options);
    this.name = new.target.name;
    this.operation = operation;
    this.text = typeof message === 'string' ? undefined : message;
  }
}

/** A SOAP 1.1 Fault. `Client…` codes are permanent, `Server…` codes transient (as the official client). */
export class MplusSoapFault extends MplusError {
  readonly kind: MplusErrorKind;
  /** Without namespace prefix, e.g. `Client` or `Client.Authentication`. */
  readonly faultcode: string;
  readonly faultstring: string;
  readonly detail: string | undefined;
  readonly httpStatus: number;

  constructor(init: {
    faultcode: string;
    faultstring: string;
    detail?: string;
    httpStatus: number;
    operation?: string;
  }) {
    super(
      runMessage('mplusSoapFault', {
        operation: init.operation ?? 'Mplus',
        faultcode: init.faultcode,
        faultstring: init.faultstring,
      }),
      init.operation,
    );
    this.faultcode = init.faultcode.replace(/^[^:]*:/, '');
    this.faultstring = init.faultstring;
    this.detail = init.detail;
    this.httpStatus = init.httpStatus;
    this.kind = this.faultcode.startsWith('Server') ? 'transient' : 'permanent';
  }
}

/** The connection failed, was reset or the answer was lost: the server may or may not have acted. */
export class MplusNetworkError extends MplusError {
  readonly kind = 'transient';
  /** Node's error code, e.g. ECONNREFUSED or ECONNRESET. */
  readonly code: string | undefined;

  constructor(message: string | RunMessage, operation?: string, code?: string, options?: ErrorOptions) {
    super(message, operation, options);
    this.code = code;
  }
}

/** No complete answer within the timeout. */
export class MplusTimeoutError extends MplusNetworkError {
  readonly timeoutMs: number;

  constructor(operation: string, timeoutMs: number) {
    super(runMessage('mplusNoAnswer', { operation, ms: timeoutMs }), operation, 'ETIMEDOUT');
    this.timeoutMs = timeoutMs;
  }
}

/** The caller's AbortSignal fired. Transient: nothing is wrong with the request itself. */
export class MplusAbortError extends MplusError {
  readonly kind = 'transient';

  constructor(operation: string, options?: ErrorOptions) {
    super(runMessage('mplusCallAborted', { operation }), operation, options);
  }
}

/** A non-200 HTTP answer without a SOAP fault. 5xx and 429 are transient, the rest permanent. */
export class MplusHttpError extends MplusError {
  readonly kind: MplusErrorKind;
  readonly status: number;
  readonly body: string;

  constructor(operation: string, status: number, body: string) {
    super(runMessage('mplusHttpError', { operation, status, body: body.slice(0, 200) }), operation);
    this.status = status;
    this.body = body;
    this.kind = status >= 500 || status === 429 ? 'transient' : 'permanent';
  }
}

/**
 * The answer is not a SOAP envelope matching the WSDL (wrong element, missing required field, bad
 * value): permanent, the same request gets the same answer. An answer that is not well-formed XML
 * (cut off on the way) is transient: the next one may arrive whole, and a write may have happened.
 */
export class MplusProtocolError extends MplusError {
  readonly kind: MplusErrorKind;
  /** Where in the answer, e.g. `GetOrderResponse.order.lineList.line[2].data.quantity`. */
  readonly path: string | undefined;

  constructor(
    message: string | RunMessage,
    operation?: string,
    path?: string,
    kind: MplusErrorKind = 'permanent',
  ) {
    super(typeof message === 'string' && path ? `${path}: ${message}` : message, operation);
    this.path = path;
    this.kind = kind;
  }

  /** A value in the answer that does not fit its type: the field's path and why (a reason code). */
  static unreadable(path: string, reason: CodedText, operation: string): MplusProtocolError {
    return new MplusProtocolError(
      runMessage('mplusAnswerInvalid', valueProblem(path, reason)),
      operation,
      path,
    );
  }
}

/** The input cannot be sent: a required field is missing or a value does not fit its schema type. */
export class MplusRequestError extends MplusError {
  readonly kind = 'permanent';
  /** Where in the input, e.g. `createOrderV3.request.order.lineList.line[0].data.price`. */
  readonly path: string;

  /** `reason` is a code of `mplus-value-reasons.ts`, so the screens word it in their language. */
  constructor(path: string, reason: CodedText, operation?: string) {
    super(runMessage('mplusRequestInvalid', valueProblem(path, reason)), operation);
    this.path = path;
  }
}

/** A field's path and why it does not fit (a reason code and its parameters), as the messages take them. */
function valueProblem(path: string, reason: CodedText) {
  return { path, reason: reason.code, ...reason.params };
}

/** True for errors worth retrying (the engine also uses this to classify). */
export const isTransientMplusError = (error: unknown): error is MplusError =>
  error instanceof MplusError && error.kind === 'transient';
