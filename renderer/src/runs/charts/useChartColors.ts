import { useEffect, useState } from 'react';

export interface ChartColors {
  ok: string;
  failed: string;
  skipped: string;
  grid: string;
  text: string;
  surface: string;
}

function read(): ChartColors {
  const style = getComputedStyle(document.documentElement);
  const value = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    ok: value('--ok', '#15803d'),
    failed: value('--danger', '#b91c1c'),
    skipped: value('--text-muted', '#5b6673'),
    grid: value('--border', '#dfe3e8'),
    text: value('--text-muted', '#5b6673'),
    surface: value('--surface', '#ffffff'),
  };
}

/**
 * The theme's colours as values: SVG attributes do not resolve CSS variables everywhere, so charts
 * get the computed colours, read again when the theme changes.
 */
export function useChartColors(): ChartColors {
  const [colors, setColors] = useState(read);
  useEffect(() => {
    const observer = new MutationObserver(() => setColors(read()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return colors;
}
