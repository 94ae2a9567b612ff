import { describe, expect, it } from 'vitest';
import { apiMessageIn } from '../../shared/api/api-messages';
import { koppelErrorOf } from '../../shared/api/testing/koppel-error-of';
import { mplusUrl } from './connection-config';

/** What `mplusUrl` throws for a host. */
const refusal = (host: string) => koppelErrorOf(() => mplusUrl(host, 44281));

describe('mplusUrl', () => {
  it('builds the SOAP endpoint, https unless the host names http', () => {
    expect(mplusUrl('api.mpluskassa.nl', 44281)).toBe('https://api.mpluskassa.nl:44281/');
    expect(mplusUrl('http://127.0.0.1', 8080)).toBe('http://127.0.0.1:8080/');
  });

  it('refuses another scheme, as a code that reads in Dutch', () => {
    const error = refusal('ftp://files.example');
    expect(error).toMatchObject({
      code: 'invalid_input',
      message:
        'MplusKASSA host "ftp://files.example" must use https:// (or http:// for a local test server).',
      text: { code: 'mplusHostScheme', params: { host: 'ftp://files.example' } },
    });
    expect(apiMessageIn(error, 'nl')).toBe(
      'MplusKASSA-host "ftp://files.example" moet https:// gebruiken (of http:// voor een lokale testserver).',
    );
  });

  it('refuses what is no host at all, as a code that reads in Dutch', () => {
    const error = refusal('kassa winkel');
    expect(error).toMatchObject({
      code: 'invalid_input',
      message: 'MplusKASSA host "kassa winkel" is not a host name or URL.',
      text: { code: 'mplusHostInvalid' },
    });
    expect(apiMessageIn(error, 'nl')).toBe('MplusKASSA-host "kassa winkel" is geen hostnaam of URL.');
  });
});
