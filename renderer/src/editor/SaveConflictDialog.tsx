import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/useLanguage';
import { formatDateTime } from '../runs/model/format';
import { flowDifferences, type FlowDifference } from './model/flow-differences';
import { ConfirmDialog } from './ui/ConfirmDialog';
import type { ConflictChoice, SaveConflict } from './useFlowActions';

/**
 * A save refused because the flow was saved elsewhere in the meantime: says when, and how that
 * version differs from the editor's, and lets the user keep editing, take that version, replace
 * it, or keep both (theirs as saved, the editor's as a new flow).
 */
export function SaveConflictDialog({
  conflict,
  onChoose,
}: {
  conflict: SaveConflict | null;
  onChoose(choice: ConflictChoice): void;
}) {
  const { t } = useTranslation();
  const locale = useLanguage();
  const differences = conflict ? flowDifferences(conflict.mine, conflict.theirs) : [];
  const words = (difference: FlowDifference): string => {
    switch (difference.part) {
      case 'name':
        return t('editor.conflict.parts.name', { theirs: difference.theirs, mine: difference.mine });
      case 'enabled':
        return t(difference.theirs ? 'editor.conflict.parts.enabledOn' : 'editor.conflict.parts.enabledOff');
      default:
        return t(`editor.conflict.parts.${difference.part}`);
    }
  };
  return (
    <ConfirmDialog
      open={conflict !== null}
      title={t('editor.conflict.title')}
      onCancel={() => onChoose('keep')}
      testId="conflict-dialog"
      layout="column"
      // Enter keeps editing: nothing is lost or overwritten by a key pressed too soon.
      focusAction={3}
      actions={[
        {
          label: t('editor.conflict.saveCopy'),
          variant: 'primary',
          onClick: () => onChoose('saveCopy'),
          testId: 'conflict-save-copy',
        },
        {
          label: t('editor.conflict.overwrite'),
          variant: 'danger',
          onClick: () => onChoose('overwrite'),
          testId: 'conflict-overwrite',
        },
        {
          label: t('editor.conflict.loadTheirs'),
          variant: 'danger',
          onClick: () => onChoose('loadTheirs'),
          testId: 'conflict-load-theirs',
        },
        { label: t('editor.conflict.keep'), onClick: () => onChoose('keep'), testId: 'conflict-keep' },
      ]}
    >
      {conflict && (
        <>
          <p>
            {t('editor.conflict.body', {
              name: conflict.theirs.name,
              revision: conflict.theirs.revision,
              when: formatDateTime(conflict.theirs.updatedAt ?? null, locale),
            })}
          </p>
          {differences.length > 0 ? (
            <>
              <p>{t('editor.conflict.differs')}</p>
              <ul data-testid="conflict-differences">
                {differences.map((difference) => (
                  <li key={difference.part}>{words(difference)}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('editor.conflict.same')}</p>
          )}
        </>
      )}
    </ConfirmDialog>
  );
}
