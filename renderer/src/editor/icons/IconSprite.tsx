import { memo } from 'react';
import { nodeIcon } from './node-icons';

/** The id of an icon's symbol in the sprite. */
export function iconSymbolId(name: string): string {
  return `ed-icon-${name.replace(/[^a-z0-9-]/gi, '')}`;
}

/**
 * Each node kind's icon, drawn once as an SVG symbol. Canvas nodes point at it with `<use>`:
 * two hundred nodes then cost two hundred tiny elements, not two hundred icon components.
 */
export const IconSprite = memo(function IconSprite({ names }: { names: readonly string[] }) {
  return (
    <svg width="0" height="0" style={{ position: 'absolute' }} aria-hidden="true" focusable="false">
      <defs>
        {[...new Set(names)].map((name) => {
          const Icon = nodeIcon(name);
          return (
            <symbol key={name} id={iconSymbolId(name)} viewBox="0 0 24 24">
              <Icon size={24} strokeWidth={1.9} />
            </symbol>
          );
        })}
      </defs>
    </svg>
  );
});

/** A node kind's icon from the sprite. */
export function NodeGlyph({ name, size }: { name: string; size: number }) {
  return (
    <svg width={size} height={size} aria-hidden="true" focusable="false">
      <use href={`#${iconSymbolId(name)}`} />
    </svg>
  );
}
