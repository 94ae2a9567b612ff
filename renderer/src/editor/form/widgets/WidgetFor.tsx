import type { ComponentType } from 'react';
import type { UiWidget } from '../../../../../shared/nodes/ui-hints';
import { drawnAsObject, resolveRef } from '../form-model';
import type { WidgetProps } from '../widget-props';
import { ChoiceWidget } from './ChoiceWidget';
import { ConditionsWidget } from './ConditionsWidget';
import { ConnectionWidget } from './ConnectionWidget';
import { CronWidget } from './CronWidget';
import { DateWidget } from './DateWidget';
import { FieldPathWidget } from './FieldPathWidget';
import { JsonWidget } from './JsonWidget';
import { ListWidget } from './ListWidget';
import { MultiSelectWidget } from './MultiSelectWidget';
import { NumberWidget } from './NumberWidget';
import { ObjectWidget } from './ObjectWidget';
import { RowListWidget } from './RowListWidget';
import { SelectWidget } from './SelectWidget';
import { SwitchWidget } from './SwitchWidget';
import { TextWidget } from './TextWidget';

/**
 * The component behind each `UiWidget`. `mapping` and `code` have their own panels in the
 * inspector (the field mapper, the code editor); in a list row they fall back to a JSON box.
 */
const widgets: Record<Exclude<UiWidget, 'hidden'>, ComponentType<WidgetProps>> = {
  text: TextWidget,
  textarea: TextWidget,
  number: NumberWidget,
  switch: SwitchWidget,
  select: SelectWidget,
  date: DateWidget,
  dateTime: DateWidget,
  connection: ConnectionWidget,
  mapping: JsonWidget,
  code: TextWidget,
  lookupTable: RowListWidget,
  fieldPath: FieldPathWidget,
  conditions: ConditionsWidget,
  rules: RowListWidget,
  keyValue: RowListWidget,
  json: JsonWidget,
  cron: CronWidget,
};

/**
 * Objects with fields, lists of rows, lists of fixed choices and lists of plain values get a
 * better control than a JSON box.
 */
function structured(props: WidgetProps): ComponentType<WidgetProps> | undefined {
  const { field, root } = props;
  if (drawnAsObject(field)) return ObjectWidget;
  if (field.widget !== 'json' || field.hint.widget) return undefined;
  const rawItems = field.schema.items;
  if (
    field.schema.type !== 'array' ||
    typeof rawItems !== 'object' ||
    rawItems === null ||
    Array.isArray(rawItems)
  ) {
    return undefined;
  }
  const items = resolveRef({ ...rawItems }, root);
  if ('enum' in items) return MultiSelectWidget;
  if (typeof items.properties === 'object' && items.properties !== null) return RowListWidget;
  if (['string', 'number', 'integer'].includes(String(items.type))) return ListWidget;
  return undefined;
}

export function WidgetFor(props: WidgetProps) {
  if (props.field.widget === 'hidden') return null;
  const Widget = structured(props) ?? widgets[props.field.widget];
  const list = props.field.hint.choices;
  if (list) return <ChoiceWidget {...props} list={list} fallback={Widget} />;
  return <Widget {...props} />;
}
