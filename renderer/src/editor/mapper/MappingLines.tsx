import { useLayoutEffect, useState, type RefObject } from 'react';
import type { MapField } from '../../../../shared/nodes/core/map';
import { sourcePathOf } from './mapper-model';

interface Line {
  key: string;
  d: string;
  selected: boolean;
}

/**
 * The lines between mapped source and target fields, drawn over the gap between the two lists.
 * Positions are read from the rendered rows (`data-source-path` / `data-target-path`) after every
 * layout change, so they follow filtering and resizing.
 */
export function MappingLines({
  container,
  mappings,
  selected,
  version,
}: {
  container: RefObject<HTMLDivElement | null>;
  mappings: readonly MapField[];
  selected: string | null;
  /** Changes whenever the rows may have moved (filter, sample, list contents). */
  version: string;
}) {
  const [lines, setLines] = useState<Line[]>([]);
  const [size, setSize] = useState({ width: 0, height: 0 });

  useLayoutEffect(() => {
    const root = container.current;
    if (!root) return;
    const measure = () => {
      const box = root.getBoundingClientRect();
      const next: Line[] = [];
      for (const mapping of mappings) {
        const path = sourcePathOf(mapping.source);
        if (!path) continue;
        const from = root.querySelector(`[data-source-path="${CSS.escape(path)}"]`)?.getBoundingClientRect();
        const to = root
          .querySelector(`[data-target-path="${CSS.escape(mapping.target)}"]`)
          ?.getBoundingClientRect();
        if (!from || !to) continue;
        const x1 = from.right - box.left;
        const y1 = from.top + from.height / 2 - box.top;
        const x2 = to.left - box.left;
        const y2 = to.top + to.height / 2 - box.top;
        const bend = Math.max(24, (x2 - x1) / 2);
        next.push({
          key: `${path}->${mapping.target}`,
          d: `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`,
          selected: mapping.target === selected,
        });
      }
      setLines(next);
      setSize({ width: box.width, height: box.height });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(root);
    return () => observer.disconnect();
  }, [container, mappings, selected, version]);

  return (
    <svg
      className="ed-map-lines"
      width={size.width}
      height={size.height}
      aria-hidden="true"
      data-testid="mapping-lines"
    >
      {lines.map((line) => (
        <path
          key={line.key}
          d={line.d}
          className={line.selected ? 'selected' : undefined}
          data-line={line.key}
        />
      ))}
    </svg>
  );
}
