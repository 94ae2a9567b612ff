import { describeObject } from '../form-model';
import type { WidgetProps } from '../widget-props';
import { ObjectWidget } from './ObjectWidget';
import { RowListWidget } from './RowListWidget';

/**
 * Conditions: a plain list (filter, branch), or an object with "match all/any" and the list (the
 * custom filters of a source), shown as its fields.
 */
export function ConditionsWidget(props: WidgetProps) {
  if (props.field.schema.type === 'array') return <RowListWidget {...props} />;
  const inner = describeObject(props.field.schema, props.root);
  return inner.length > 0 ? <ObjectWidget {...props} /> : <RowListWidget {...props} />;
}
