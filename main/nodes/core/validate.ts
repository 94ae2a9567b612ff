import type { JsonValue } from '../../../shared/flow/json';
import { getPath } from '../../../shared/flow/record-path';
import { validateTransform, type ValidationRule } from '../../../shared/nodes/core/validate';
import { runMessage } from '../../../shared/flow/run-messages';
import { permanentError } from '../../engine/errors';
import { defineExecutor, emit } from '../../engine/executor';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function show(value: JsonValue | undefined): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/**
 * Whether the rule holds; if not, the parameters its standard message needs (the message
 * catalogue's `validationFailed` words it: "Field "email" must be an e-mail address, got …").
 */
function check(
  rule: ValidationRule,
  value: JsonValue | undefined,
): { limit?: string; length?: number } | undefined {
  const text =
    value === undefined || value === null
      ? ''
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  switch (rule.rule) {
    case 'required':
      return text.trim() === '' ? {} : undefined;
    case 'numeric':
      return /^\d+$/.test(text) ? undefined : {};
    case 'integer':
      return /^-?\d+$/.test(text) ? undefined : {};
    case 'number':
      return text.trim() !== '' && Number.isFinite(Number(text)) ? undefined : {};
    case 'email':
      return EMAIL.test(text) ? undefined : {};
    case 'regex':
      return new RegExp(String(rule.value)).test(text) ? undefined : { limit: String(rule.value) };
    case 'minLength':
      return text.length >= Number(rule.value)
        ? undefined
        : { limit: String(rule.value), length: text.length };
    case 'maxLength':
      return text.length <= Number(rule.value)
        ? undefined
        : { limit: String(rule.value), length: text.length };
    case 'oneOf': {
      const allowed = Array.isArray(rule.value) ? rule.value.map(String) : [];
      return allowed.includes(text) ? undefined : { limit: allowed.join(', ') };
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
        const broken: { rule: ValidationRule; value: JsonValue | undefined }[] = [];
        // Each broken rule in the message's flat parameters: rule0, path0, shown0, … (see core-messages).
        const params: Record<string, string | number> = {};
        for (const rule of rules) {
          // An optional field that is absent only matters to "required".
          const value = getPath(record.data, rule.path);
          if (rule.rule !== 'required' && (value === undefined || value === null)) continue;
          const failed = check(rule, value);
          if (failed === undefined) continue;
          const index = broken.length;
          broken.push({ rule, value });
          if (rule.message) {
            // The user's own words, shown as written in any language.
            params[`custom${index}`] = rule.message
              .replaceAll('{field}', rule.path)
              .replaceAll('{value}', show(value));
            continue;
          }
          params[`rule${index}`] = rule.rule;
          params[`path${index}`] = rule.path;
          if (value !== undefined) params[`shown${index}`] = JSON.stringify(value);
          if (failed.limit !== undefined) params[`limit${index}`] = failed.limit;
          if (failed.length !== undefined) params[`length${index}`] = failed.length;
        }
        const first = broken[0];
        if (!first) return emit(record);
        params.count = broken.length;
        throw permanentError(runMessage('validationFailed', params), {
          code: 'validation_failed',
          field: first.rule.path,
          ...(first.value === undefined ? {} : { value: first.value }),
        });
      },
    };
  },
});
