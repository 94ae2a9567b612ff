import { Gauge, History, Plug, Settings as SettingsIcon, Workflow, type LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { DocumentProblemsBanner } from './DocumentProblemsBanner';
import { HostStatusBanner } from './HostStatusBanner';
import { useAppInfo } from './useAppInfo';
import { useDocumentProblems } from './useDocumentProblems';
import { useHostStatus } from './useHostStatus';
import { useMediaQuery } from './useMediaQuery';

interface NavItem {
  to: string;
  labelKey: 'nav.flows' | 'nav.runs' | 'nav.dashboard' | 'nav.connections' | 'nav.settings';
  icon: LucideIcon;
}

export const navItems: NavItem[] = [
  { to: '/flows', labelKey: 'nav.flows', icon: Workflow },
  { to: '/runs', labelKey: 'nav.runs', icon: History },
  { to: '/dashboard', labelKey: 'nav.dashboard', icon: Gauge },
  { to: '/connections', labelKey: 'nav.connections', icon: Plug },
  { to: '/settings', labelKey: 'nav.settings', icon: SettingsIcon },
];

/**
 * The window frame: navigation on the left, the current screen on the right. The navigation
 * narrows to its icons in the flow editor on all but wide windows (palette, canvas and inspector
 * need the room) and on every screen of a window narrower than 1200 px, a small laptop's (the
 * runs' record table, the forms). The labels stay for screen readers and as tooltips.
 */
export function AppFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [location] = useLocation();
  const info = useAppInfo();
  const host = useHostStatus();
  const documentProblems = useDocumentProblems();
  const editing = /^\/flows\/[^/]+/.test(location);
  const wide = useMediaQuery('(min-width: 1600px)');
  const narrow = useMediaQuery('(max-width: 1199px)');
  const compact = narrow || (editing && !wide);
  return (
    <div className={compact ? 'app-frame compact' : 'app-frame'}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <nav className="sidebar" aria-label={t('nav.label')}>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            K
          </span>
          <span className="brand-text">
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </span>
        </div>
        <ul className="nav-list">
          {navItems.map(({ to, labelKey, icon: Icon }) => {
            const active = location === to || location.startsWith(`${to}/`);
            return (
              <li key={to}>
                <Link
                  href={to}
                  className={active ? 'nav-link active' : 'nav-link'}
                  aria-current={active ? 'page' : undefined}
                  data-testid={`nav-${to.slice(1)}`}
                  title={compact ? t(labelKey) : undefined}
                >
                  <Icon size={18} strokeWidth={1.8} aria-hidden="true" />
                  <span className="nav-label">{t(labelKey)}</span>
                </Link>
              </li>
            );
          })}
        </ul>
        <div className="sidebar-footer">{info ? `v${info.version} · ${info.host}` : ''}</div>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        <div className="content-banners">
          <HostStatusBanner status={host.status} />
          <DocumentProblemsBanner problems={documentProblems} />
        </div>
        {/* The host is back: the screen loads again (an editor's unsaved changes are kept). */}
        <div className="content-screen" key={host.generation}>
          {children}
        </div>
      </main>
    </div>
  );
}
