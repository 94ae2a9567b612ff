import type { WireRelation } from '../../generated/wire-types';
import { withBalance } from '../domain/balance';
import { isoOfWireDate, wireDateTime } from '../domain/clock';
import type { TwinState } from '../state/twin-state';
import { setFilter, syncPage, type OperationHandlers } from './context';

/** Relations (persons and companies). findRelation matches case-insensitively and partially. */

/** The fields the findRelation tutorial lists as searchable. */
const SEARCHABLE_TEXT = [
  'extRelationId',
  'name',
  'address',
  'zipcode',
  'city',
  'country',
  'deliveryAddress',
  'deliveryZipcode',
  'deliveryCity',
  'deliveryCountry',
  'contact',
  'telephone',
  'mobile',
  'email',
  'website',
  'relationCode',
  'cardNumber',
  'bankAccountNumber',
  'companyName',
] as const satisfies readonly (keyof WireRelation)[];

function matcher(template: WireRelation, exact: boolean): ((relation: WireRelation) => boolean) | undefined {
  const tests: ((relation: WireRelation) => boolean)[] = [];
  for (const field of SEARCHABLE_TEXT) {
    const wanted = template[field]?.trim().toLowerCase();
    if (!wanted) continue;
    tests.push((relation) => {
      const value = relation[field]?.trim().toLowerCase() ?? '';
      return exact ? value === wanted : value.includes(wanted);
    });
  }
  if (template.relationNumber !== undefined) tests.push((r) => r.relationNumber === template.relationNumber);
  if (template.birthDate) {
    const wanted = isoOfWireDate(template.birthDate);
    tests.push((r) => r.birthDate !== undefined && isoOfWireDate(r.birthDate) === wanted);
  }
  if (template.categoryId !== undefined) {
    tests.push(
      (r) =>
        r.categoryId === template.categoryId ||
        (r.categoryIds?.category ?? []).includes(template.categoryId ?? -1),
    );
  }
  if (tests.length === 0) return undefined;
  return (relation) => tests.every((test) => test(relation));
}

function find(state: TwinState, template: WireRelation, exact: boolean): WireRelation | undefined {
  const matches = matcher(template, exact);
  if (!matches) return undefined;
  let best: WireRelation | undefined;
  for (const relation of state.relations.values()) {
    if (matches(relation) && (!best || (relation.relationNumber ?? 0) < (best.relationNumber ?? 0)))
      best = relation;
  }
  return best;
}

/** The relation code's longest length (reference §3.2, since API Service 1.8.2). */
const RELATION_CODE_MAX = 128;

/** Why a relation as it would be stored is refused, if it is. */
function refusal(name?: string, companyName?: string, relationCode?: string): string | undefined {
  if (!name?.trim() && !companyName?.trim()) return 'a relation needs a name or companyName';
  if (relationCode !== undefined && relationCode.length > RELATION_CODE_MAX)
    return `relationCode is ${relationCode.length} characters long; at most ${RELATION_CODE_MAX} are allowed`;
  return undefined;
}

export const relationHandlers: Pick<
  OperationHandlers,
  'getRelations' | 'getRelation' | 'findRelation' | 'findRelationV2' | 'createRelation' | 'updateRelation'
> = {
  getRelations: (ctx, { request }) => {
    const { state } = ctx;
    const wanted = setFilter(request?.relationNumbers);
    const category = request?.categoryId;
    const relations = syncPage(
      state.sync.relation,
      request?.syncMarker,
      request?.syncMarkerLimit,
      (number) => state.relations.get(number),
      (r) =>
        (!wanted || wanted(r.relationNumber)) &&
        (category === undefined ||
          r.categoryId === category ||
          (r.categoryIds?.category ?? []).includes(category)),
    );
    return { relationList: { relation: relations } };
  },

  getRelation: (ctx, { relationNumber }) => {
    const relation = ctx.state.relations.get(relationNumber);
    return relation
      ? { result: 'GET-RELATION-RESULT-OK', relation }
      : { result: 'GET-RELATION-RESULT-NOT-FOUND', relation: {} };
  },

  findRelation: (ctx, { relation }) => {
    const found = relation ? find(ctx.state, relation, false) : undefined;
    return found
      ? { result: 'FIND-RELATION-RESULT-OK', relation: found }
      : { result: 'FIND-RELATION-RESULT-NOT-FOUND' };
  },

  findRelationV2: (ctx, { request }) => {
    const found = find(ctx.state, request.relation, request.exactMatch === true);
    return found
      ? { result: 'FIND-RELATION-RESULT-OK', relation: found }
      : { result: 'FIND-RELATION-RESULT-NOT-FOUND' };
  },

  createRelation: (ctx, { relation }) => {
    const { state } = ctx;
    const input = relation ?? {};
    if (input.relationNumber !== undefined && state.relations.has(input.relationNumber)) {
      return {
        result: 'CREATE-RELATION-RESULT-FAILED-RELATION-NUMBER-ALREADY-TAKEN',
        relationNumber: 0,
        errorMessage: `relation number ${input.relationNumber} is already taken`,
      };
    }
    const refused = refusal(input.name, input.companyName, input.relationCode);
    if (refused) return { result: 'CREATE-RELATION-RESULT-FAILED', relationNumber: 0, errorMessage: refused };
    let relationNumber = input.relationNumber;
    if (relationNumber === undefined) {
      do state.counters.relationNumber += 1;
      while (state.relations.has(state.counters.relationNumber));
      relationNumber = state.counters.relationNumber;
    }
    const now = wireDateTime(ctx.now());
    const stored = withBalance({
      active: true,
      ...input,
      relationNumber,
      createTimestamp: now,
      changeTimestamp: now,
      syncMarker: state.nextMarker('relation'),
    });
    state.putRelation(stored);
    return {
      result: 'CREATE-RELATION-RESULT-OK',
      relationNumber,
      changeTimestamp: now,
      syncMarker: stored.syncMarker ?? 0,
      errorMessage: '',
    };
  },

  updateRelation: (ctx, { relation }) => {
    const { state } = ctx;
    const existing =
      relation?.relationNumber === undefined ? undefined : state.relations.get(relation.relationNumber);
    if (!relation || !existing) {
      return {
        result: 'UPDATE-RELATION-RESULT-NOT-FOUND',
        errorMessage: `relation ${relation?.relationNumber ?? '(no relationNumber)'} does not exist`,
      };
    }
    const refused = refusal(
      relation.name ?? existing.name,
      relation.companyName ?? existing.companyName,
      relation.relationCode,
    );
    if (refused) return { result: 'UPDATE-RELATION-RESULT-FAILED', errorMessage: refused };
    const now = wireDateTime(ctx.now());
    // Repeated elements always decode as arrays; an empty one means "not sent", so keep the stored value.
    const changes = Object.fromEntries(
      Object.entries(relation).filter(([, value]) => !(Array.isArray(value) && value.length === 0)),
    );
    const stored = withBalance({
      ...existing,
      ...changes,
      createTimestamp: existing.createTimestamp ?? now,
      changeTimestamp: now,
      syncMarker: state.nextMarker('relation'),
    });
    state.putRelation(stored);
    return {
      result: 'UPDATE-RELATION-RESULT-OK',
      errorMessage: '',
      changeTimestamp: now,
      syncMarker: stored.syncMarker ?? 0,
    };
  },
};
