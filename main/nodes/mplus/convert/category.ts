import type { ChangedArticleGroup } from '../../../connectors/mplus/generated/model-types';
import type { Category } from '../../../../shared/domain/category';
import { toJsonObject } from '../../../../shared/domain/json';

/** An MplusKASSA article group as a canonical category. */
export function groupToCategory(group: ChangedArticleGroup, names: ReadonlyMap<number, string>): Category {
  const parent = group.parentGroupNumber;
  const parentName = parent ? names.get(parent) : undefined;
  return {
    source: { system: 'mplus', entity: 'articleGroup', id: String(group.groupNumber) },
    id: String(group.groupNumber),
    name: group.name,
    ...(group.text ? { description: group.text } : {}),
    ...(parent ? { parentId: String(parent) } : {}),
    ...(parentName ? { parentName } : {}),
    raw: toJsonObject(group),
  };
}
