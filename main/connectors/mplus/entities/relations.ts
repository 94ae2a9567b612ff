import type { FindRelationV2Request, GetRelationsRequest, Relation } from '../generated/model-types';
import type { CallOptions, SoapCaller } from '../soap-caller';
import { iterateSyncPages, type SyncIterateOptions, type SyncPage } from '../sync-pages';
import { messageOf } from './shared';

/** Relations: customers and suppliers, persons or companies (companyName, contactList). */

export type CreateRelationOutcome =
  | { kind: 'created'; relationNumber: number; syncMarker?: number }
  | { kind: 'relation_number_taken'; message: string }
  | { kind: 'rejected'; message: string };

export type UpdateRelationOutcome =
  | { kind: 'updated'; syncMarker?: number }
  | { kind: 'not_found'; message: string }
  | { kind: 'rejected'; message: string };

export interface RelationsApi {
  getRelations(query?: GetRelationsRequest, options?: CallOptions): Promise<Relation[]>;
  /** null when the relation does not exist (GET-RELATION-RESULT-NOT-FOUND). */
  getRelation(relationNumber: number, options?: CallOptions): Promise<Relation | null>;
  /** Case-insensitive partial match on the template's fields; null when nothing matches. */
  findRelation(template: Relation, options?: CallOptions): Promise<Relation | null>;
  /** As findRelation, optionally with exact matching. */
  findRelationV2(request: FindRelationV2Request, options?: CallOptions): Promise<Relation | null>;
  createRelation(relation: Relation, options?: CallOptions): Promise<CreateRelationOutcome>;
  /** `relation.relationNumber` identifies the relation; only the fields sent are changed. */
  updateRelation(relation: Relation, options?: CallOptions): Promise<UpdateRelationOutcome>;
  iterateRelations(options?: SyncIterateOptions): AsyncGenerator<SyncPage<Relation>, void, undefined>;
}

export function relationsApi(caller: SoapCaller): RelationsApi {
  const getRelations = async (
    query: GetRelationsRequest = {},
    options?: CallOptions,
  ): Promise<Relation[]> => {
    const answer = await caller.call('getRelations', { request: query }, options);
    return answer.relationList.relation ?? [];
  };
  return {
    getRelations,
    async getRelation(relationNumber, options) {
      const answer = await caller.call('getRelation', { relationNumber }, options);
      return answer.result === 'GET-RELATION-RESULT-OK' ? answer.relation : null;
    },
    async findRelation(template, options) {
      const answer = await caller.call('findRelation', { relation: template }, options);
      return answer.result === 'FIND-RELATION-RESULT-OK' ? (answer.relation ?? null) : null;
    },
    async findRelationV2(request, options) {
      const answer = await caller.call('findRelationV2', { request }, options);
      return answer.result === 'FIND-RELATION-RESULT-OK' ? (answer.relation ?? null) : null;
    },
    async createRelation(relation, options) {
      const answer = await caller.call('createRelation', { relation }, options);
      const message = messageOf(answer.errorMessage, answer.result);
      if (answer.result === 'CREATE-RELATION-RESULT-OK') {
        return {
          kind: 'created',
          relationNumber: answer.relationNumber,
          ...(answer.syncMarker === undefined ? {} : { syncMarker: answer.syncMarker }),
        };
      }
      if (answer.result === 'CREATE-RELATION-RESULT-FAILED-RELATION-NUMBER-ALREADY-TAKEN') {
        return { kind: 'relation_number_taken', message };
      }
      return { kind: 'rejected', message };
    },
    async updateRelation(relation, options) {
      const answer = await caller.call('updateRelation', { relation }, options);
      const message = messageOf(answer.errorMessage, answer.result);
      if (answer.result === 'UPDATE-RELATION-RESULT-OK') {
        return {
          kind: 'updated',
          ...(answer.syncMarker === undefined ? {} : { syncMarker: answer.syncMarker }),
        };
      }
      if (answer.result === 'UPDATE-RELATION-RESULT-NOT-FOUND') return { kind: 'not_found', message };
      return { kind: 'rejected', message };
    },
    iterateRelations: (options) =>
      iterateSyncPages(
        {
          operation: 'getRelations',
          fetch: (syncMarker, syncMarkerLimit, signal) =>
            getRelations({ syncMarker, syncMarkerLimit }, signal ? { signal } : undefined),
          markers: (relation) => (relation.syncMarker === undefined ? [] : [relation.syncMarker]),
        },
        options,
      ),
  };
}
