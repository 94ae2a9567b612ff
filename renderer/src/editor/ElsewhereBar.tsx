import { useTranslation } from 'react-i18next';
import type { ChangedElsewhere } from './useFlowActions';

/**
 * Under the toolbar while the open flow was saved or deleted elsewhere and the editor's version
 * is not that one: says so before a save meets it, and opens the choice (keep both, replace,
 * take theirs) at once.
 */
export function ElsewhereBar({
  elsewhere,
  onReview,
}: {
  elsewhere: ChangedElsewhere | null;
  onReview(): void;
}) {
  const { t } = useTranslation();
  if (!elsewhere) return null;
  const deleted = elsewhere.revision === null;
  return (
    <div
      className="ed-elsewhere"
      role="status"
      data-testid={deleted ? 'elsewhere-deleted' : 'elsewhere-saved'}
    >
      <p>
        {deleted
          ? t('editor.elsewhere.deleted', { name: elsewhere.name })
          : t('editor.elsewhere.saved', { name: elsewhere.name, revision: elsewhere.revision })}
      </p>
      <button
        type="button"
        className="button button-secondary"
        onClick={onReview}
        data-testid="elsewhere-review"
      >
        {t('editor.elsewhere.review')}
      </button>
    </div>
  );
}
