import { useCallback, useMemo } from 'react';
import type { WizardSystem } from '../../../../shared/api/calls/wizard';
import { useFlowEditorStore } from '../../stores/flow-editor-store';
import { useReferenceChoicesStore } from '../../stores/reference-choices-store';
import type { FieldChoicesValue } from '../form/field-choices';
import { choicePlaceOf, choiceSettingOf, type NodeChoicePlace } from '../model/choice-setting';

/**
 * The systems' lists for a node's pickers, read through the flow's connections when a field asks.
 * The place is kept as text so dragging nodes around does not re-render the inspector.
 */
export function useFieldChoicesValue(nodeId: string): FieldChoicesValue {
  const placeText = useFlowEditorStore((state) => JSON.stringify(choicePlaceOf(nodeId, state)));
  const place = useMemo(() => JSON.parse(placeText) as NodeChoicePlace, [placeText]);
  const bySource = useReferenceChoicesStore((state) => state.bySource);
  const load = useReferenceChoicesStore((state) => state.load);
  const readAgain = useReferenceChoicesStore((state) => state.reload);
  const request = useCallback(
    (system: WizardSystem) => void load(system, place.connections[system]),
    [load, place],
  );
  const reload = useCallback(
    (system: WizardSystem) => void readAgain(system, place.connections[system]),
    [readAgain, place],
  );
  return useMemo(
    () => ({ setting: choiceSettingOf(place, bySource), request, reload }),
    [place, bySource, request, reload],
  );
}
