import { Box, type LucideIcon } from 'lucide-react';

let registry: Readonly<Record<string, LucideIcon>> | null = null;
let loading: Promise<void> | null = null;

/** Loads the icon set once (the editor awaits it with its data, so nodes never flicker). */
export function loadNodeIcons(): Promise<void> {
  loading ??= import('./all-icons').then((module) => {
    registry = module.icons;
  });
  return loading;
}

/** `arrow-right-left` → `ArrowRightLeft`. */
export function pascalCase(name: string): string {
  return name
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** The lucide icon a catalogue entry names (kebab-case), or a neutral box when unknown or not loaded. */
export function nodeIcon(name: string): LucideIcon {
  return registry?.[pascalCase(name)] ?? Box;
}
