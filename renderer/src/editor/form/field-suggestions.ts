import { createContext, useContext } from 'react';
import type { SourceField } from '../mapper/mapper-model';

/** Field paths the inspector can offer in field-path boxes: upstream (input) and downstream (output). */
export interface FieldSuggestions {
  input: readonly SourceField[];
  output: readonly string[];
}

export const FieldSuggestionsContext = createContext<FieldSuggestions>({ input: [], output: [] });

export function useFieldSuggestions(): FieldSuggestions {
  return useContext(FieldSuggestionsContext);
}
