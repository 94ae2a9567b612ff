import type { WireArticleGroup, WireChangedArticleGroup } from '../../generated/wire-types';
import type { StoredArticleGroup, TwinState } from '../state/twin-state';
import { setFilter, syncPage, type HandlerContext, type OperationHandlers } from './context';

/** The article-group tree: parentGroupNumber 0 is the top level; every change takes a new marker. */

const bySortOrder = (a: StoredArticleGroup, b: StoredArticleGroup): number =>
  a.sortOrder - b.sortOrder || a.groupNumber - b.groupNumber;

function children(state: TwinState, parent: number): StoredArticleGroup[] {
  return [...state.groups.values()]
    .filter((g) => g.parentGroupNumber === parent && !g.isDeleted)
    .sort(bySortOrder);
}

function articleNumbersOf(state: TwinState, group: StoredArticleGroup): number[] {
  return group.productNumbers.number.flatMap((productNumber) =>
    (state.products.get(productNumber)?.articleList?.article ?? []).map((a) => a.articleNumber ?? 0),
  );
}

function treeNode(
  state: TwinState,
  group: StoredArticleGroup,
  withArticles: boolean,
  deep: boolean,
): WireArticleGroup {
  return {
    groupNumber: group.groupNumber,
    syncMarker: group.syncMarker,
    name: group.name,
    text: group.text,
    subGroupList: {
      articleGroups: deep
        ? children(state, group.groupNumber).map((g) => treeNode(state, g, withArticles, true))
        : [],
    },
    sortOrder: group.sortOrder,
    productNumbers: { number: group.productNumbers.number },
    ...(withArticles ? { articleNumbers: { number: articleNumbersOf(state, group) } } : {}),
    isDeleted: group.isDeleted ?? false,
  };
}

/** The flat change record (also the admin API's record shape). */
export function changedGroup(state: TwinState, group: StoredArticleGroup): WireChangedArticleGroup {
  return {
    groupNumber: group.groupNumber,
    parentGroupNumber: group.parentGroupNumber,
    syncMarker: group.syncMarker,
    name: group.name,
    text: group.text,
    subGroupNumbers: { number: children(state, group.groupNumber).map((g) => g.groupNumber) },
    sortOrder: group.sortOrder,
    productNumbers: { number: group.productNumbers.number },
    isDeleted: group.isDeleted ?? false,
  };
}

/**
 * The group and its ancestors up to the top level, nearest first. Bounded by the number of groups:
 * a damaged state file with a parent loop cannot hang the twin.
 */
function* lineage(state: TwinState, group: StoredArticleGroup): Generator<StoredArticleGroup> {
  let current: StoredArticleGroup | undefined = group;
  for (let steps = 0; current && steps <= state.groups.size; steps++) {
    yield current;
    if (current.parentGroupNumber === 0) return;
    current = state.groups.get(current.parentGroupNumber);
  }
}

function isDescendant(state: TwinState, candidate: number, ancestor: number): boolean {
  const group = state.groups.get(candidate);
  if (!group) return false;
  for (const current of lineage(state, group)) if (current.groupNumber === ancestor) return true;
  return false;
}

/** The group's top-level ancestor (itself when it has no parent). */
function topLevelOf(state: TwinState, group: StoredArticleGroup): StoredArticleGroup {
  let top = group;
  for (const current of lineage(state, group)) top = current;
  return top;
}

function save(ctx: HandlerContext, group: StoredArticleGroup): void {
  group.syncMarker = ctx.state.nextMarker('articleGroup');
  ctx.state.putGroup(group);
}

const liveGroup = (state: TwinState, number: number): StoredArticleGroup | undefined => {
  const group = state.groups.get(number);
  return group && !group.isDeleted ? group : undefined;
};

export const articleGroupHandlers: Pick<
  OperationHandlers,
  | 'getArticleGroups'
  | 'getArticleGroupChanges'
  | 'newArticleGroup'
  | 'updateArticleGroup'
  | 'addProductsToArticleGroup'
> = {
  getArticleGroups: (ctx, { request }) => {
    const { state } = ctx;
    const withArticles = request.retrieveArticleNumbers === true;
    const wanted = setFilter(request.groupNumbers);
    if (request.syncMarker !== undefined) {
      // Changes since a marker come back flat (subgroups are separate entries), deleted ones included;
      // groupNumbers still filters on top-level groups: a subgroup comes when its top-level one is named.
      const groups = syncPage(
        state.sync.articleGroup,
        request.syncMarker,
        request.syncMarkerLimit,
        (n) => state.groups.get(n),
        (g) => !wanted || wanted(topLevelOf(state, g).groupNumber),
      );
      return {
        articleGroupList: { articleGroups: groups.map((g) => treeNode(state, g, withArticles, false)) },
      };
    }
    const roots = children(state, 0).filter((g) => !wanted || wanted(g.groupNumber));
    return { articleGroupList: { articleGroups: roots.map((g) => treeNode(state, g, withArticles, true)) } };
  },

  getArticleGroupChanges: (ctx, { request }) => {
    const { state } = ctx;
    const wanted = setFilter(request.groupNumbers);
    const groups = syncPage(
      state.sync.articleGroup,
      request.syncMarker,
      request.syncMarkerLimit,
      (n) => state.groups.get(n),
      (g) => !wanted || wanted(g.groupNumber),
    );
    return { changedArticleGroupList: { changedArticleGroups: groups.map((g) => changedGroup(state, g)) } };
  },

  newArticleGroup: (ctx, { request }) => {
    const { state } = ctx;
    if (request.parentGroupNumber !== 0 && !liveGroup(state, request.parentGroupNumber)) {
      return { result: 'NEW-ARTICLE-GROUP-RESULT-PARENT-NOTFOUND', groupNumber: 0 };
    }
    if (request.name.trim() === '' || request.imageId !== undefined)
      return { result: 'NEW-ARTICLE-GROUP-RESULT-FAILED', groupNumber: 0 };
    do state.counters.groupNumber += 1;
    while (state.groups.has(state.counters.groupNumber));
    const group: StoredArticleGroup = {
      groupNumber: state.counters.groupNumber,
      parentGroupNumber: request.parentGroupNumber,
      syncMarker: 0,
      name: request.name,
      text: request.text,
      sortOrder: request.sortOrder ?? children(state, request.parentGroupNumber).length + 1,
      productNumbers: { number: [] },
      isDeleted: false,
    };
    save(ctx, group);
    return { result: 'NEW-ARTICLE-GROUP-RESULT-OK', groupNumber: group.groupNumber };
  },

  updateArticleGroup: (ctx, { request }) => {
    const { state } = ctx;
    const group = liveGroup(state, request.groupNumber);
    if (!group) return { result: 'SAVE-ARTICLE-GROUP-RESULT-NOT-FOUND' };
    const parent = request.parentGroupNumber;
    if (
      parent !== undefined &&
      parent !== 0 &&
      (!liveGroup(state, parent) || isDescendant(state, parent, group.groupNumber))
    ) {
      return { result: 'SAVE-ARTICLE-GROUP-RESULT-FAILED' };
    }
    if (request.imageId !== undefined || request.name?.trim() === '')
      return { result: 'SAVE-ARTICLE-GROUP-RESULT-FAILED' };
    if (request.name !== undefined) group.name = request.name;
    if (request.text !== undefined) group.text = request.text;
    if (request.sortOrder !== undefined) group.sortOrder = request.sortOrder;
    if (parent !== undefined) group.parentGroupNumber = parent;
    save(ctx, group);
    return { result: 'SAVE-ARTICLE-GROUP-RESULT-OK' };
  },

  addProductsToArticleGroup: (ctx, { request }) => {
    const { state } = ctx;
    const group = liveGroup(state, request.groupNumber);
    if (!group) return { result: 'ADD-PRODUCTS-TO-ARTICLE-GROUP-RESULT-NOT-FOUND' };
    const adding = request.productNumbers.number ?? [];
    if (adding.some((number) => !state.products.has(number)))
      return { result: 'ADD-PRODUCTS-TO-ARTICLE-GROUP-RESULT-FAILED' };
    const rest = group.productNumbers.number.filter((number) => !adding.includes(number));
    const at =
      request.position && request.position > 0 ? Math.min(request.position - 1, rest.length) : rest.length;
    group.productNumbers = { number: [...rest.slice(0, at), ...adding, ...rest.slice(at)] };
    save(ctx, group);
    for (const number of adding) {
      const product = state.products.get(number);
      if (!product || (product.groupNumbers ?? []).includes(group.groupNumber)) continue;
      product.groupNumbers = [...(product.groupNumbers ?? []), group.groupNumber];
      for (const article of product.articleList?.article ?? []) state.touchArticle(product, article);
    }
    return { result: 'ADD-PRODUCTS-TO-ARTICLE-GROUP-RESULT-OK' };
  },
};
