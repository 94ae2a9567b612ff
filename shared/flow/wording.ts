import { z } from 'zod';

/**
 * A text the engine gives (a skip reason, an error, a log line) as a code and its parameters
 * rather than a sentence, so every screen words it in the user's language.
 */
export const CodedText = z.object({
  code: z.string().min(1),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type CodedText = z.infer<typeof CodedText>;

/** The languages texts are worded in (the UI's). */
export type TextLanguage = 'en' | 'nl';

/** The text language of a locale (`nl`, `nl-BE`, `NL_nl.UTF-8` → nl; anything else → en). */
export function languageOfLocale(locale: string | undefined): TextLanguage {
  return locale?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** "1 record", "2 records": the word is the same in English and Dutch. */
export function recordCount(count: number): string {
  return `${count} ${count === 1 ? 'record' : 'records'}`;
}

/** How one code reads in each language, from its parameters. */
export type Wording<P> = Record<TextLanguage, (params: P) => string>;

export function wording<P>(en: (params: P) => string, nl: (params: P) => string): Wording<P> {
  return { en, nl };
}

/** The parameters with absent optional ones left out, so a text survives a JSON round trip unchanged. */
function keptParams(given: Record<string, string | number | undefined>): Record<string, string | number> {
  const kept: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(given)) if (value !== undefined) kept[key] = value;
  return kept;
}

/**
 * A catalogue of coded texts (skip reasons, run messages): its codes, a maker that checks a code's
 * parameters against its wording at compile time, and the wording of a stored text in a language
 * (null for a code this version does not know).
 */
export function textCatalogue<T extends Record<string, Wording<never>>>(catalogue: T) {
  type Code = keyof T & string;
  type ParamsOf<C extends Code> = Parameters<T[C]['en']>[0];
  return {
    codes: Object.keys(catalogue) as Code[],
    make<C extends Code>(
      code: C,
      ...params: ParamsOf<C> extends Record<string, never> ? [] : [ParamsOf<C>]
    ): CodedText {
      return { code, params: keptParams((params[0] ?? {}) as Record<string, string | number | undefined>) };
    },
    text(coded: CodedText, language: TextLanguage): string | null {
      if (!Object.hasOwn(catalogue, coded.code)) return null;
      const words = catalogue[coded.code as Code] as unknown as Wording<Record<string, string | number>>;
      return words[language](coded.params);
    },
  };
}
