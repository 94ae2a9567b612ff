import type { JsonValue } from '../../../shared/flow/json';
import { getPath } from '../../../shared/flow/record-path';
import { validateTransform, type ValidationRule } from '../../../shared/nodes/core/validate';
import { permanentError } from '../../engine/errors';
import { defineExecutor, emit } from '../../engine/executor';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function show(value: JsonValue | undefined): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/** The standard message when a rule is broken, or undefined when it holds. */
function check(rule: ValidationRule, value: JsonValue | undefined): string | undefined {
  const text =
    value === undefined || value === null
      ? ''
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  const field = `Field "${rule.path}"`;
  switch (rule.rule) {
    case 'required':
      return text.trim() === '' ? `${field} is required but empty` : undefined;
    case 'numeric':
      return /^\d+$/.test(text) ? undefined : `${field} must contain digits only, got ${show(value)}`;
    case 'integer':
      return /^-?\d+$/.test(text) ? undefined : `${field} must be a whole number, got ${show(value)}`;
    case 'number':
      return text.trim() !== '' && Number.isFinite(Number(text))
        ? undefined
        : `${field} must be a number, got ${show(value)}`;
    case 'email':
      return EMAIL.test(text) ? undefined : `${field} must be an e-mail address, got ${show(value)}`;
    case 'regex':
      return new RegExp(String(rule.value)).test(text)
        ? undefined
        : `${field} must match /${String(rule.value)}/, got ${show(value)}`;
    case 'minLength':
      return text.length >= Number(rule.value)
        ? undefined
        : `${field} must be at least ${String(rule.value)} characters, got ${text.length} (${show(value)})`;
    case 'maxLength':
      return text.length <= Number(rule.value)
        ? undefined
        : `${field} must be at most ${String(rule.value)} characters, got ${text.length} (${show(value)})`;
    case 'oneOf': {
      const allowed = Array.isArray(rule.value) ? rule.value.map(String) : [];
      return allowed.includes(text)
        ? undefined
        : `${field} must be one of ${allowed.join(', ')}, got ${show(value)}`;
    }
  }
}

/** Fails a record that breaks any rule; the message names every broken field and its value. */
export const validateModule = defineExecutor(validateTransform, {
  category: 'transform',
  open(ctx) {
    const { rules } = ctx.config;
    return {
      process(record) {
        const broken: { rule: ValidationRule; value: JsonValue | undefined; message: string }[] = [];
        for (const rule of rules) {
          // An optional field that is absent only matters to "required".
          const value = getPath(record.data, rule.path);
          if (rule.rule !== 'required' && (value === undefined || value === null)) continue;
          const standard = check(rule, value);
          if (standard === undefined) continue;
          const message = rule.message
            ? rule.message.replaceAll('{field}', rule.path).replaceAll('{value}', show(value))
            : standard;
          broken.push({ rule, value, message });
        }
        const first = broken[0];
        if (!first) return emit(record);
        throw permanentError(`${broken.map((entry) => entry.message).join('; ')}.`, {
          code: 'validation_failed',
          field: first.rule.path,
          ...(first.value === undefined ? {} : { value: first.value }),
        });
      },
    };
  },
});
