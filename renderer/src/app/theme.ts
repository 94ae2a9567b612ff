import type { Theme } from '../../../shared/settings/settings';

const dark = window.matchMedia('(prefers-color-scheme: dark)');

/** Sets `data-theme` on <html>; "system" follows the OS and changes with it. */
export function applyTheme(theme: Theme): void {
  const resolved = theme === 'system' ? (dark.matches ? 'dark' : 'light') : theme;
  document.documentElement.dataset.theme = resolved;
  document.documentElement.style.colorScheme = resolved;
}

export function followSystemTheme(current: () => Theme): () => void {
  const listener = () => applyTheme(current());
  dark.addEventListener('change', listener);
  return () => dark.removeEventListener('change', listener);
}
