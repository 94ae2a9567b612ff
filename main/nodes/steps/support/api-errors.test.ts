import { describe, expect, it } from 'vitest';
import { messageIn } from '../../../../shared/flow/run-messages';
import { MplusHttpError, MplusSoapFault, MplusTimeoutError } from '../../../connectors/mplus/errors';
import { TeamleaderPermanentError, TeamleaderTransientError } from '../../../connectors/teamleader/errors';
import { StepError } from '../../../engine/errors';
import { toStepError } from './api-errors';

/** The stored error of a step that failed with `error`, as the screens read it in `language`. */
function shown(error: unknown, language: 'en' | 'nl'): string {
  const step = toStepError(error);
  if (!(step instanceof StepError)) throw new Error('not a step error');
  return messageIn(step.toInfo('node'), language);
}

describe('a failed call as a step error', () => {
  it("words Koppel's part of a Teamleader failure in the UI's language, the API's own words as they came", () => {
    const noAnswer = new TeamleaderTransientError({
      endpoint: 'invoices.draft',
      title: 'No answer (timed out)',
      titleNl: 'Geen antwoord (time-out)',
      maybeApplied: true,
    });
    expect(shown(noAnswer, 'en')).toBe('Teamleader invoices.draft: No answer (timed out)');
    expect(shown(noAnswer, 'en')).toBe(noAnswer.message);
    expect(shown(noAnswer, 'nl')).toBe('Teamleader invoices.draft: Geen antwoord (time-out)');
    const refused = new TeamleaderPermanentError({
      endpoint: 'contacts.add',
      status: 422,
      title: 'The email address is invalid',
      field: 'emails.0.email',
    });
    expect(shown(refused, 'en')).toBe(
      'Teamleader contacts.add 422: The email address is invalid (field emails.0.email)',
    );
    expect(shown(refused, 'nl')).toBe(
      'Teamleader contacts.add 422: The email address is invalid (veld emails.0.email)',
    );
  });

  it("words an MplusKASSA call's failure in the UI's language, the till's own words as they came", () => {
    const timeout = new MplusTimeoutError('createOrderV3', 30000);
    expect(shown(timeout, 'en')).toBe('createOrderV3 got no answer within 30000 ms');
    expect(shown(timeout, 'nl')).toBe('createOrderV3 kreeg geen antwoord binnen 30000 ms');
    const fault = new MplusSoapFault({
      faultcode: 'soap:Server',
      faultstring: 'Database locked',
      httpStatus: 500,
      operation: 'payOrderV2',
    });
    expect(shown(fault, 'en')).toBe(fault.message);
    expect(shown(fault, 'nl')).toBe('payOrderV2 mislukte met SOAP-fout soap:Server: Database locked');
    const http = new MplusHttpError('getProducts', 503, 'Service Unavailable');
    expect(shown(http, 'nl')).toBe('getProducts antwoordde HTTP 503: Service Unavailable');
  });
});
