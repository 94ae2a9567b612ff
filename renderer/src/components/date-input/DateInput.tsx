import { CalendarDays } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { DayPicker, type Matcher } from 'react-day-picker';
import { enUS, nl } from 'react-day-picker/locale';
import 'react-day-picker/style.css';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { dateOfDay, dayOfDate, dayPattern, formatDay, parseDay } from './date-text';
import './date-input.css';

export interface DateInputProps {
  /** `YYYY-MM-DD`, or '' for no day. */
  value: string;
  /** Called with `YYYY-MM-DD` once what is typed is a whole day in range, or '' when emptied. */
  onChange: (value: string) => void;
  id?: string;
  /** The earliest and latest day allowed, `YYYY-MM-DD`. */
  min?: string | undefined;
  max?: string | undefined;
  ariaLabel?: string | undefined;
  ariaDescribedBy?: string | undefined;
  /** Set by the form when the value breaks a rule of its own. */
  invalid?: boolean | undefined;
  /** On the text field. */
  testId?: string | undefined;
}

/**
 * A day typed in the UI's language's own order ("31-12-2026", "12/31/2026") or picked from a
 * calendar in that language. Replaces the browser's date input, which follows the browser's or the
 * system's language: a Dutch UI on an English system showed month/day/year. The calendar is
 * react-day-picker (maintained, accessible grid with keyboard navigation, date-fns's Dutch and
 * English locales: month and weekday names, Monday-first weeks in Dutch).
 */
export function DateInput(props: DateInputProps) {
  const { value, onChange, min, max } = props;
  const { t } = useTranslation();
  const language = useLanguage();
  const [draft, setDraft] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const errorId = useId();
  const pattern = dayPattern(language, {
    day: t('dateInput.day'),
    month: t('dateInput.month'),
    year: t('dateInput.year'),
  });

  /** What was typed (not empty) as a day in range, or what is wrong with it. */
  const read = (text: string): { day: string; problem: null } | { day: null; problem: string } => {
    const day = parseDay(text, language);
    if (day === null) return { day, problem: t('dateInput.invalid', { pattern }) };
    if (min && day < min)
      return { day: null, problem: t('dateInput.tooEarly', { date: formatDay(min, language) }) };
    if (max && day > max)
      return { day: null, problem: t('dateInput.tooLate', { date: formatDay(max, language) }) };
    return { day, problem: null };
  };
  // Shown once the field is left, not while typing.
  const problem = draft === null || draft.trim() === '' ? null : read(draft).problem;

  const type = (text: string) => {
    setDraft(text);
    if (text.trim() === '') return onChange('');
    const { day } = read(text);
    if (day !== null) onChange(day);
  };

  const leave = () => {
    setFocused(false);
    // A whole day (or nothing) is shown as the language writes it; a wrong one stays to be fixed.
    if (problem === null) setDraft(null);
  };

  const close = (focusBack: boolean) => {
    setOpen(false);
    if (focusBack) button.current?.focus();
  };

  // A day set from outside (filters cleared, a setting undone) replaces what was typed, even a wrong one.
  useEffect(() => {
    setDraft((typed) => {
      if (typed === null) return null;
      const day = typed.trim() === '' ? '' : parseDay(typed, language);
      // Typing a whole day set it: keep the text as typed until the field is left.
      return day === value ? typed : null;
    });
  }, [value, language]);

  // A click outside the calendar closes it.
  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!popover.current?.contains(target) && !button.current?.contains(target)) close(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const selected = dateOfDay(value);
  const disabled: Matcher[] = [];
  const earliest = min ? dateOfDay(min) : undefined;
  const latest = max ? dateOfDay(max) : undefined;
  if (earliest) disabled.push({ before: earliest });
  if (latest) disabled.push({ after: latest });
  const showProblem = problem !== null && !focused;

  return (
    <span className="date-input">
      <span className="date-input-row">
        <input
          ref={input}
          id={props.id}
          type="text"
          className="date-input-text"
          data-testid={props.testId}
          value={draft ?? formatDay(value, language)}
          placeholder={pattern}
          aria-label={props.ariaLabel}
          aria-describedby={
            [props.ariaDescribedBy, showProblem ? errorId : undefined].filter(Boolean).join(' ') || undefined
          }
          aria-invalid={props.invalid || showProblem || undefined}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => type(event.target.value)}
          onFocus={() => setFocused(true)}
          onBlur={leave}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' && event.altKey) {
              event.preventDefault();
              setOpen(true);
            }
          }}
        />
        <button
          ref={button}
          type="button"
          className="date-input-button"
          aria-label={t('dateInput.open')}
          aria-haspopup="dialog"
          aria-expanded={open}
          onClick={() => setOpen((was) => !was)}
        >
          <CalendarDays size={16} aria-hidden />
        </button>
      </span>
      {open && (
        <div
          ref={popover}
          className="date-input-popover"
          role="dialog"
          aria-label={t('dateInput.calendar')}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              close(true);
            }
          }}
        >
          <DayPicker
            mode="single"
            autoFocus
            locale={language === 'nl' ? nl : enUS}
            selected={selected}
            defaultMonth={selected ?? latest ?? undefined}
            disabled={disabled}
            onSelect={(date) => {
              // Picking the chosen day again keeps it (the picker would clear it).
              if (date) onChange(dayOfDate(date));
              setDraft(null);
              close(false);
              input.current?.focus();
            }}
          />
        </div>
      )}
      {showProblem && (
        <span id={errorId} className="date-input-problem" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
