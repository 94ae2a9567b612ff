import { useTranslation } from 'react-i18next';
import type { HostStatus } from '../../../shared/api/client';
import { flowFileName, flowFileText } from '../../../shared/flow/flow-file';
import { downloadText } from '../components/files';
import { useFlowEditorStore } from '../stores/flow-editor-store';

/**
 * Across the top of every screen while the web host cannot be used: it does not answer (the page
 * keeps trying), or it was started again and only its new address opens it. A flow with unsaved
 * changes in the editor can be kept as a file meanwhile, to import once Koppel answers: the page
 * may never reach this host again.
 */
export function HostStatusBanner({ status }: { status: HostStatus }) {
  const { t } = useTranslation();
  const unsaved = useFlowEditorStore((state) => (state.dirty ? state.meta?.name : undefined));
  if (status === 'connected') return null;
  const download = () => {
    const flow = useFlowEditorStore.getState().document();
    if (flow) downloadText(flowFileName(flow), flowFileText(flow));
  };
  return (
    <div className={`host-banner host-banner-${status}`} role="alert" data-testid={`host-${status}`}>
      <p>
        <strong>{t(`host.${status}.title`)}</strong> <span>{t(`host.${status}.body`)}</span>
      </p>
      {unsaved !== undefined && (
        <p className="host-banner-unsaved">
          <span>{t('host.unsaved', { name: unsaved })}</span>{' '}
          <button
            type="button"
            className="button button-secondary"
            onClick={download}
            data-testid="host-download"
          >
            {t('host.download')}
          </button>
        </p>
      )}
    </div>
  );
}
