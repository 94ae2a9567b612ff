import { useTranslation } from 'react-i18next';
import type { DiffKind, DiffLine } from '../model/json-diff';

const marker: Record<DiffKind, string> = { same: ' ', moved: '·', added: '+', removed: '−', changed: '~' };

function Side({
  title,
  lines,
  testId,
  unsent = false,
}: {
  title: string;
  lines: DiffLine[];
  testId: string;
  /** Left-only lines are fields the right side was not made of, not removals: shown quietly. */
  unsent?: boolean;
}) {
  const { t } = useTranslation();
  const label = (kind: DiffKind) =>
    unsent && kind === 'removed' ? t('runs.record.diff.unsent') : t(`runs.record.diff.${kind}`);
  return (
    <figure className="rn-diff-side" data-testid={testId}>
      <figcaption>{title}</figcaption>
      {lines.length === 0 ? (
        <p className="rn-muted rn-pad">{t('runs.record.notRecorded')}</p>
      ) : (
        <pre className="rn-diff-code" tabIndex={0}>
          {lines.map((line, index) => (
            <span
              key={index}
              className={`rn-diff-line rn-diff-${line.kind}${unsent && line.kind === 'removed' ? ' rn-diff-unsent' : ''}`}
              data-kind={line.kind}
              data-path={line.path}
              style={{ paddingLeft: `${line.depth * 2 + 1.5}ch` }}
            >
              <span className="rn-diff-marker" aria-hidden="true">
                {marker[line.kind]}
              </span>
              {line.kind !== 'same' && <span className="visually-hidden">{label(line.kind)} </span>}
              {line.text}
              {'\n'}
            </span>
          ))}
        </pre>
      )}
    </figure>
  );
}

/** Two JSON payloads side by side, differing lines highlighted (and marked +, −, ~ for those who cannot see colour). */
export function JsonDiffView(props: {
  leftTitle: string;
  rightTitle: string;
  left: DiffLine[];
  right: DiffLine[];
  /** The right side is another shape made of the left (a request of a record): see Side's `unsent`. */
  across?: boolean;
}) {
  return (
    <div className="rn-diff">
      <Side title={props.leftTitle} lines={props.left} testId="diff-left" unsent={props.across ?? false} />
      <Side title={props.rightTitle} lines={props.right} testId="diff-right" />
    </div>
  );
}
