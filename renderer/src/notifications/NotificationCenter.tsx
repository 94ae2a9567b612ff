import { AlertTriangle, CheckCircle2, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { RunNotice } from '../../../shared/notifications/run-notice';
import { apiClient } from '../api/api';
import { useLanguage } from '../i18n/useLanguage';
import { useSettingsStore } from '../stores/settings-store';
import { showBrowserNotification } from './browser-notifications';
import { noticeText } from './notice-text';
import './notifications.css';

const SHOWN_MS = 12_000;

/**
 * Shows the notifier's notices: as a browser notification in the web host (the desktop host shows
 * its own from main) and as a toast in the window. Clicking either opens the run.
 */
export function NotificationCenter() {
  const { t } = useTranslation();
  const locale = useLanguage();
  const [, navigate] = useLocation();
  const [toasts, setToasts] = useState<RunNotice[]>([]);
  const enabled = useSettingsStore((state) => state.settings?.notifications.enabled ?? true);

  useEffect(() => {
    const client = apiClient();
    const offShow = client.on('notifications.show', (notice) => {
      if (!useSettingsStore.getState().settings?.notifications.enabled) return;
      setToasts((current) => [...current.filter((toast) => toast.flowId !== notice.flowId), notice]);
      setTimeout(() => setToasts((current) => current.filter((toast) => toast.id !== notice.id)), SHOWN_MS);
      if (!window.koppel) {
        const { title, body } = noticeText(t, notice, locale);
        showBrowserNotification(title, {
          body,
          tag: notice.flowId,
          onClick: () => navigate(`/runs/${notice.runId}`),
        });
      }
    });
    return offShow;
  }, [navigate, t, locale]);

  if (!enabled || toasts.length === 0) return <div className="nt-region" aria-live="polite" />;
  return (
    <div className="nt-region" aria-live="polite" data-testid="notifications">
      {toasts.map((notice) => {
        const { title, body } = noticeText(t, notice, locale);
        const Icon = notice.kind === 'failed' ? AlertTriangle : CheckCircle2;
        return (
          <div
            key={notice.id}
            className={`nt-toast nt-${notice.kind}`}
            role="status"
            data-testid="notification"
            data-kind={notice.kind}
          >
            <Icon size={18} aria-hidden="true" className="nt-icon" />
            <div className="nt-text">
              <strong>{title}</strong>
              <span>{body}</span>
              <button
                type="button"
                className="rn-link nt-open"
                onClick={() => {
                  setToasts((current) => current.filter((toast) => toast.id !== notice.id));
                  navigate(`/runs/${notice.runId}`);
                }}
              >
                {t('notifications.openRun')}
              </button>
            </div>
            <button
              type="button"
              className="rn-icon-button"
              aria-label={t('notifications.dismiss')}
              onClick={() => setToasts((current) => current.filter((toast) => toast.id !== notice.id))}
            >
              <X size={14} aria-hidden="true" />
            </button>
          </div>
        );
      })}
    </div>
  );
}
