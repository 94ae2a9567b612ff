import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogEntry } from '../../../../shared/nodes/catalog';
import { KIND_MIME } from '../canvas/palette-drag';
import { nodeIcon } from '../icons/node-icons';
import { useLanguage } from '../useLanguage';

/** One node kind in the palette: drag it to the canvas, or press Enter to add it. */
export function PaletteItem({ entry, onAdd }: { entry: CatalogEntry; onAdd: (entry: CatalogEntry) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const Icon = nodeIcon(entry.icon);
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(KIND_MIME, entry.ref);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <div role="listitem">
      <button
        type="button"
        className={`ed-palette-item ed-cat-${entry.category}`}
        draggable
        onDragStart={onDragStart}
        onClick={() => onAdd(entry)}
        title={entry.description[language]}
        aria-label={t('editor.palette.add', { label: entry.label[language] })}
        aria-describedby={`palette-desc-${entry.ref}`}
        data-testid={`palette-${entry.kind}`}
      >
        <span className="ed-palette-icon" aria-hidden="true">
          <Icon size={16} strokeWidth={1.9} />
        </span>
        <span className="ed-palette-text">
          <span className="ed-palette-label">{entry.label[language]}</span>
          <span className="ed-palette-desc" id={`palette-desc-${entry.ref}`}>
            {entry.description[language]}
          </span>
        </span>
      </button>
    </div>
  );
}
