import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectApi } from './api/api-client';
import { startFailure } from '../../shared/api/start-failure';
import { languageOfLocale } from '../../shared/flow/wording';
import { setApiClient } from './api/api';
import { App } from './app/App';
import { StartFailureScreen } from './app/StartFailureScreen';
import { applyTheme, followSystemTheme } from './app/theme';
import { changeLanguage, initI18n } from './i18n/i18n';
import { useSettingsStore } from './stores/settings-store';
import './styles/app.css';

const root = document.getElementById('root') as HTMLElement;

async function start(): Promise<void> {
  setApiClient(connectApi());
  const settings = await useSettingsStore.getState().load();
  await initI18n(settings.language);
  applyTheme(settings.theme);
  followSystemTheme(() => useSettingsStore.getState().settings?.theme ?? 'system');
  useSettingsStore.subscribe((state, previous) => {
    if (!state.settings || state.settings === previous.settings) return;
    applyTheme(state.settings.theme);
    if (state.settings.language !== previous.settings?.language) void changeLanguage(state.settings.language);
  });
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

start().catch((error: unknown) => {
  root.dataset.appState = 'failed';
  // The settings (and so the UI language) may be what could not be read: the browser's language.
  const words = startFailure(error, languageOfLocale(navigator.language));
  // Nor its theme: the system's.
  applyTheme('system');
  createRoot(root).render(<StartFailureScreen {...words} />);
});
