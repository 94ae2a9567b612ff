import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/useLanguage';
import { formatDateTime } from '../runs/model/format';
import { flowDifferences, type FlowDifference } from './model/flow-differences';
import { ConfirmDialog, type DialogAction } from './ui/ConfirmDialog';
import type { ConflictChoice, SaveConflict } from './useFlowActions';

/**
 * A save refused because the flow was saved elsewhere in the meantime: says when, and how that
 * version differs from the editor's, and lets the user keep editing, take that version, replace
 * it, or keep both (theirs as saved, the editor's as a new flow). For a flow deleted elsewhere:
 * save it again, leave it deleted, or keep editing.
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
  const theirs = conflict?.theirs ?? null;
  const differences = conflict && theirs ? flowDifferences(conflict.mine, theirs) : [];
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
  const keep: DialogAction = {
    label: t('editor.conflict.keep'),
    onClick: () => onChoose('keep'),
    testId: 'conflict-keep',
  };
  const actions: DialogAction[] = theirs
    ? [
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
        keep,
      ]
    : [
        {
          label: t('editor.conflict.saveAgain'),
          variant: 'primary',
          onClick: () => onChoose('overwrite'),
          testId: 'conflict-save-again',
        },
        {
          label: t('editor.conflict.leaveDeleted'),
          variant: 'danger',
          onClick: () => onChoose('loadTheirs'),
          testId: 'conflict-leave-deleted',
        },
        keep,
      ];
  return (
    <ConfirmDialog
      open={conflict !== null}
      title={t(theirs || !conflict ? 'editor.conflict.title' : 'editor.conflict.deletedTitle')}
      onCancel={() => onChoose('keep')}
      testId="conflict-dialog"
      layout="column"
      // Enter keeps editing: nothing is lost or overwritten by a key pressed too soon.
      focusAction={actions.length - 1}
      actions={actions}
    >
      {conflict && !theirs && <p>{t('editor.conflict.deletedBody', { name: conflict.mine.name })}</p>}
      {conflict && theirs && (
        <>
          <p>
            {t('editor.conflict.body', {
              name: theirs.name,
              revision: theirs.revision,
              when: formatDateTime(theirs.updatedAt ?? null, locale),
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
