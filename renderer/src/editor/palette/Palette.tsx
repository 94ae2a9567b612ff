import { useReactFlow } from '@xyflow/react';
import { Search } from 'lucide-react';
import { useDeferredValue, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogEntry } from '../../../../shared/nodes/catalog';
import { useFlowEditorStore } from '../../stores/flow-editor-store';
import { DEFAULT_NODE_SIZE, freeSpot } from '../model/layout';
import { groupPalette } from '../model/palette-groups';
import { useLanguage } from '../../i18n/useLanguage';
import { PaletteItem } from './PaletteItem';

/**
 * The node kinds to add: grouped by category and system, searchable. Drag one onto the canvas, or
 * press Enter on it to add it in the middle of the view. Arrow keys move between entries.
 */
export function Palette() {
  const { t } = useTranslation();
  const language = useLanguage();
  const entries = useFlowEditorStore((state) => state.entries);
  const addNode = useFlowEditorStore((state) => state.addNode);
  const [search, setSearch] = useState('');
  // The canvas draws first when a flow opens; the palette list follows a moment later.
  const groups = useDeferredValue(
    useMemo(() => groupPalette(entries, search, language), [entries, search, language]),
    [],
  );
  const list = useRef<HTMLDivElement>(null);
  const { screenToFlowPosition, setCenter, getZoom } = useReactFlow();

  const addAtCentre = (entry: CatalogEntry) => {
    const canvas = document.querySelector('.ed-canvas-pane')?.getBoundingClientRect();
    const centre = canvas
      ? screenToFlowPosition({ x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 })
      : { x: 0, y: 0 };
    const wanted = { x: centre.x - DEFAULT_NODE_SIZE.width / 2, y: centre.y - DEFAULT_NODE_SIZE.height / 2 };
    const spot = freeSpot(wanted, useFlowEditorStore.getState().nodes);
    addNode(entry, spot);
    // Keep the new node in view when the free spot was off screen.
    if (canvas) {
      const topLeft = screenToFlowPosition({ x: canvas.left, y: canvas.top });
      const bottomRight = screenToFlowPosition({ x: canvas.right, y: canvas.bottom });
      const visible =
        spot.x >= topLeft.x &&
        spot.y >= topLeft.y &&
        spot.x + DEFAULT_NODE_SIZE.width <= bottomRight.x &&
        spot.y + DEFAULT_NODE_SIZE.height <= bottomRight.y;
      if (!visible) {
        void setCenter(spot.x + DEFAULT_NODE_SIZE.width / 2, spot.y + DEFAULT_NODE_SIZE.height / 2, {
          zoom: getZoom(),
          duration: 200,
        });
      }
    }
  };

  const moveFocus = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const items = [...(list.current?.querySelectorAll<HTMLButtonElement>('.ed-palette-item') ?? [])];
    if (items.length === 0) return;
    event.preventDefault();
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    const next = event.key === 'ArrowDown' ? index + 1 : index - 1;
    items[Math.max(0, Math.min(items.length - 1, index === -1 ? 0 : next))]?.focus();
  };

  return (
    <aside className="ed-palette" aria-label={t('editor.palette.label')} onKeyDown={moveFocus}>
      <div className="ed-search">
        <Search size={14} aria-hidden="true" />
        <input
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          placeholder={t('editor.palette.search')}
          aria-label={t('editor.palette.search')}
          data-testid="palette-search"
        />
      </div>
      <div className="ed-palette-list" ref={list}>
        {groups.length === 0 && search.trim() !== '' && (
          <p className="ed-muted ed-pad">{t('editor.palette.noMatch')}</p>
        )}
        {groups.map((group) => (
          <section key={group.category} aria-labelledby={`palette-${group.category}`}>
            <h3 id={`palette-${group.category}`} className="ed-palette-heading">
              {t(`editor.categories.${group.category}`)}
            </h3>
            {group.systems.map((system) => (
              <div key={system.system} role="list" aria-label={t(`editor.system.${system.system}`)}>
                {group.systems.length > 1 || system.system !== 'core' ? (
                  <div className="ed-palette-system">{t(`editor.system.${system.system}`)}</div>
                ) : null}
                {system.entries.map((entry) => (
                  <PaletteItem
                    key={entry.ref}
                    entry={entry}
                    onAdd={addAtCentre}
                    language={language}
                    addLabel={t('editor.palette.add', { label: entry.label[language] })}
                  />
                ))}
              </div>
            ))}
          </section>
        ))}
      </div>
      <p className="ed-palette-hint">{t('editor.palette.hint')}</p>
    </aside>
  );
}
