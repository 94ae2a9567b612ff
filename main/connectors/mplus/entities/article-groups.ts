import type {
  AddProductsToArticleGroupRequest,
  ArticleGroup,
  ChangedArticleGroup,
  GetArticleGroupChangesRequest,
  GetArticleGroupsRequest,
  NewArticleGroupRequest,
  UpdateArticleGroupRequest,
} from '../generated/model-types';
import type { CallOptions, SoapCaller } from '../soap-caller';
import { iterateSyncPages, type SyncIterateOptions, type SyncPage } from '../sync-pages';

/** The article-group tree (web/menu categories); products can sit in several groups. */

export type NewArticleGroupOutcome =
  | { kind: 'created'; groupNumber: number }
  | { kind: 'parent_not_found'; message: string }
  | { kind: 'rejected'; message: string };

export type UpdateArticleGroupOutcome =
  { kind: 'updated' } | { kind: 'not_found'; message: string } | { kind: 'rejected'; message: string };

export type AddProductsToArticleGroupOutcome =
  { kind: 'added' } | { kind: 'not_found'; message: string } | { kind: 'rejected'; message: string };

export interface ArticleGroupsApi {
  /** The tree from the top-level groups (optionally filtered by top-level groupNumbers). */
  getArticleGroups(query?: GetArticleGroupsRequest, options?: CallOptions): Promise<ArticleGroup[]>;
  /** Flat changes (with parentGroupNumber and isDeleted) at or after a syncMarker. */
  getArticleGroupChanges(
    query?: GetArticleGroupChangesRequest,
    options?: CallOptions,
  ): Promise<ChangedArticleGroup[]>;
  newArticleGroup(group: NewArticleGroupRequest, options?: CallOptions): Promise<NewArticleGroupOutcome>;
  updateArticleGroup(
    group: UpdateArticleGroupRequest,
    options?: CallOptions,
  ): Promise<UpdateArticleGroupOutcome>;
  addProductsToArticleGroup(
    request: AddProductsToArticleGroupRequest,
    options?: CallOptions,
  ): Promise<AddProductsToArticleGroupOutcome>;
  /** Pages of getArticleGroupChanges. */
  iterateArticleGroups(
    options?: SyncIterateOptions,
  ): AsyncGenerator<SyncPage<ChangedArticleGroup>, void, undefined>;
}

export function articleGroupsApi(caller: SoapCaller): ArticleGroupsApi {
  const getArticleGroupChanges = async (
    query: GetArticleGroupChangesRequest = {},
    options?: CallOptions,
  ): Promise<ChangedArticleGroup[]> => {
    const answer = await caller.call('getArticleGroupChanges', { request: query }, options);
    return answer.changedArticleGroupList.changedArticleGroups ?? [];
  };
  return {
    async getArticleGroups(query = {}, options) {
      const answer = await caller.call('getArticleGroups', { request: query }, options);
      return answer.articleGroupList.articleGroups ?? [];
    },
    getArticleGroupChanges,
    async newArticleGroup(group, options) {
      const { result, groupNumber } = await caller.call('newArticleGroup', { request: group }, options);
      if (result === 'NEW-ARTICLE-GROUP-RESULT-OK') return { kind: 'created', groupNumber };
      if (result === 'NEW-ARTICLE-GROUP-RESULT-PARENT-NOTFOUND')
        return { kind: 'parent_not_found', message: result };
      return { kind: 'rejected', message: result };
    },
    async updateArticleGroup(group, options) {
      const { result } = await caller.call('updateArticleGroup', { request: group }, options);
      if (result === 'SAVE-ARTICLE-GROUP-RESULT-OK') return { kind: 'updated' };
      if (result === 'SAVE-ARTICLE-GROUP-RESULT-NOT-FOUND') return { kind: 'not_found', message: result };
      return { kind: 'rejected', message: result };
    },
    async addProductsToArticleGroup(request, options) {
      const { result } = await caller.call('addProductsToArticleGroup', { request }, options);
      if (result === 'ADD-PRODUCTS-TO-ARTICLE-GROUP-RESULT-OK') return { kind: 'added' };
      if (result === 'ADD-PRODUCTS-TO-ARTICLE-GROUP-RESULT-NOT-FOUND')
        return { kind: 'not_found', message: result };
      return { kind: 'rejected', message: result };
    },
    iterateArticleGroups: (options) =>
      iterateSyncPages(
        {
          operation: 'getArticleGroupChanges',
          fetch: (syncMarker, syncMarkerLimit, signal) =>
            getArticleGroupChanges({ syncMarker, syncMarkerLimit }, signal ? { signal } : undefined),
          markers: (group) => (group.syncMarker === undefined ? [] : [group.syncMarker]),
        },
        options,
      ),
  };
}
