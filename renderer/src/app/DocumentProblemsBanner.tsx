import { useTranslation } from 'react-i18next';
import type { DocumentProblem } from '../../../shared/api/calls/app';
import { useFailureText } from '../api/failure-text';

/**
 * Across the top of every screen while a document of the data folder does not read (settings.json
 * or flows.json edited by hand while Koppel runs): what that stops, why it does not read, and
 * where the last version Koppel read is kept. Gone once the file reads again.
 */
export function DocumentProblemsBanner({ problems }: { problems: DocumentProblem[] }) {
  const { t } = useTranslation();
  const failureWords = useFailureText();
  if (problems.length === 0) return null;
  return (
    <div className="host-banner document-banner" role="alert" data-testid="document-problems">
      {problems.map((problem) => {
        const why = failureWords(problem);
        return (
          <div
            key={problem.document}
            className="document-banner-item"
            data-testid={`document-problem-${problem.document}`}
          >
            <p>
              <strong>{t(`documents.${problem.document}.title`)}</strong>{' '}
              <span>{t(`documents.${problem.document}.body`)}</span>
            </p>
            <p className="document-banner-why">{why}</p>
            {/* Words that do not name it already (a setting Koppel cannot take, a newer Koppel's file). */}
            {problem.backup !== undefined && !why.includes(problem.backup) && (
              <p className="document-banner-backup">
                {t('documents.backup')} <code>{problem.backup}</code>
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}
