import type { DragEvent } from 'react';
import type { CatalogEntry } from '../../../../shared/nodes/catalog';
import { KIND_MIME } from '../canvas/palette-drag';
import { NodeGlyph } from '../icons/IconSprite';
import type { Language } from '../../i18n/useLanguage';

/**
 * One node kind in the palette: drag it to the canvas, or press Enter to add it. Texts come from
 * the palette (no translation hook per item: there are dozens).
 */
export function PaletteItem({
  entry,
  onAdd,
  language,
  addLabel,
}: {
  entry: CatalogEntry;
  onAdd: (entry: CatalogEntry) => void;
  language: Language;
  addLabel: string;
}) {
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
        aria-label={addLabel}
        aria-describedby={`palette-desc-${entry.ref}`}
        data-testid={`palette-${entry.kind}`}
      >
        <span className="ed-palette-icon" aria-hidden="true">
          <NodeGlyph name={entry.icon} size={16} />
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
