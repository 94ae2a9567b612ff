import type { WizardSystem } from '../../../shared/api/calls/wizard';

/** What a user syncs, in the words of the hosted integrators' packages. */
export type FlowFamilyId = 'salesOrders' | 'customers' | 'products' | 'categories' | 'stock' | 'orderStatus';

export interface FlowDirection {
  from: WizardSystem;
  to: WizardSystem;
  templateId: string;
}

export interface FlowFamily {
  id: FlowFamilyId;
  /** The first direction is the one offered first (the usual one). */
  directions: readonly FlowDirection[];
}

const mplusToTeamleader = (templateId: string): FlowDirection => ({
  from: 'mplus',
  to: 'teamleader',
  templateId,
});
const teamleaderToMplus = (templateId: string): FlowDirection => ({
  from: 'teamleader',
  to: 'mplus',
  templateId,
});

/** Every flow family and the template behind each of its directions (`resources/templates`). */
export const FLOW_FAMILIES: readonly FlowFamily[] = [
  {
    id: 'salesOrders',
    directions: [
      mplusToTeamleader('orders-mplus-to-teamleader'),
      teamleaderToMplus('orders-teamleader-to-mplus'),
    ],
  },
  {
    id: 'customers',
    directions: [
      teamleaderToMplus('customers-teamleader-to-mplus'),
      mplusToTeamleader('customers-mplus-to-teamleader'),
    ],
  },
  {
    id: 'products',
    directions: [
      teamleaderToMplus('products-teamleader-to-mplus'),
      mplusToTeamleader('products-mplus-to-teamleader'),
    ],
  },
  { id: 'categories', directions: [teamleaderToMplus('categories-teamleader-to-mplus')] },
  { id: 'stock', directions: [mplusToTeamleader('stock-mplus-to-teamleader')] },
  { id: 'orderStatus', directions: [teamleaderToMplus('order-status-teamleader-to-mplus')] },
];

/** Chosen families, each with the template of its chosen direction. */
export type FlowSelection = Partial<Record<FlowFamilyId, string>>;

/** The families and directions whose templates are installed (a missing template is not offered). */
export function availableFamilies(templateIds: readonly string[]): FlowFamily[] {
  const installed = new Set(templateIds);
  return FLOW_FAMILIES.map((family) => ({
    ...family,
    directions: family.directions.filter((direction) => installed.has(direction.templateId)),
  })).filter((family) => family.directions.length > 0);
}

/**
 * What a first start proposes: POS sales orders into Teamleader, the package most shops start with
 * (customers and products come along inside it: the order flow creates the ones it needs).
 */
export function defaultSelection(families: readonly FlowFamily[]): FlowSelection {
  const orders = families.find((family) => family.id === 'salesOrders');
  const first = orders?.directions[0];
  if (first) return { salesOrders: first.templateId };
  const any = families[0]?.directions[0];
  return any && families[0] ? { [families[0].id]: any.templateId } : {};
}

/** The chosen templates, in the order of the families. */
export function selectedTemplateIds(selection: FlowSelection): string[] {
  return FLOW_FAMILIES.flatMap((family) => {
    const templateId = selection[family.id];
    return templateId ? [templateId] : [];
  });
}

/** Switches a family on (with its first direction) or off. */
export function toggleFamily(selection: FlowSelection, family: FlowFamily, on: boolean): FlowSelection {
  if (!on) return Object.fromEntries(Object.entries(selection).filter(([id]) => id !== family.id));
  const templateId = selection[family.id] ?? family.directions[0]?.templateId;
  return templateId ? { ...selection, [family.id]: templateId } : selection;
}

/**
 * A family's direction; two flows moving the same records both ways would echo every change back,
 * so each family runs in one direction.
 */
export function chooseDirection(
  selection: FlowSelection,
  family: FlowFamily,
  templateId: string,
): FlowSelection {
  if (!family.directions.some((direction) => direction.templateId === templateId)) return selection;
  return { ...selection, [family.id]: templateId };
}

/** The direction of a chosen template. */
export function directionOf(templateId: string): FlowDirection | undefined {
  for (const family of FLOW_FAMILIES) {
    const found = family.directions.find((direction) => direction.templateId === templateId);
    if (found) return found;
  }
  return undefined;
}
