import type { TFunction } from 'i18next';
import type { ConnectionRefusal } from '../model/connection-rules';

/** A refused connection in the user's words. */
export function refusalText(
  t: TFunction,
  refusal: ConnectionRefusal,
  typeLabel: (id: string) => string,
): string {
  switch (refusal.code) {
    case 'selfLoop':
      return t('editor.refusal.selfLoop');
    case 'unknownNode':
      return t('editor.refusal.unknownNode');
    case 'noOutput':
      return t('editor.refusal.noOutput', { node: refusal.node });
    case 'noInput':
      return t('editor.refusal.noInput', { node: refusal.node });
    case 'duplicate':
      return t('editor.refusal.duplicate');
    case 'cycle':
      return t('editor.refusal.cycle', { source: refusal.source, target: refusal.target });
    case 'typeMismatch':
      return t('editor.refusal.typeMismatch', {
        source: refusal.source,
        target: refusal.target,
        carried: typeLabel(refusal.carried),
        expected: typeLabel(refusal.expected),
      });
  }
}
