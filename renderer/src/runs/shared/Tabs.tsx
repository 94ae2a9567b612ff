import { useRef, type KeyboardEvent } from 'react';

interface TabsProps<T extends string> {
  label: string;
  value: T;
  onChange(value: T): void;
  tabs: { value: T; label: string }[];
  idPrefix: string;
}

/** WAI-ARIA tabs: arrow keys move between tabs, Home/End jump, the active tab is the only tab stop. */
export function Tabs<T extends string>({ label, value, onChange, tabs, idPrefix }: TabsProps<T>) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (index + last) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    const tab = next === null ? undefined : tabs[next];
    if (next === null || !tab) return;
    event.preventDefault();
    onChange(tab.value);
    refs.current[next]?.focus();
  };
  return (
    <div className="rn-tabs" role="tablist" aria-label={label}>
      {tabs.map((tab, index) => (
        <button
          key={tab.value}
          ref={(element) => {
            refs.current[index] = element;
          }}
          type="button"
          role="tab"
          id={`${idPrefix}-${tab.value}`}
          aria-selected={tab.value === value}
          aria-controls={`${idPrefix}-${tab.value}-panel`}
          tabIndex={tab.value === value ? 0 : -1}
          className={tab.value === value ? 'rn-tab rn-tab-on' : 'rn-tab'}
          onClick={() => onChange(tab.value)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
