import type { BusinessKeys } from '../../../../shared/flow/run-records';
import type { NodeContext } from '../../../engine/executor';

/**
 * Which source record Koppel's own runs wrote `targetId` from, when the run history knows: the
 * first of `entities` of `system` with the id `sourceId` whose write left `targetId` among its ids.
 * A document Koppel made in one system from the other, read back there, must not be sent back (a
 * sync loop); the history says so without a call to either system. Null says nothing: ask the
 * system (another install made it, or the history no longer holds it).
 */
export function writtenByKoppel<Entity extends string>(
  ctx: Pick<NodeContext<unknown>, 'writtenFrom'>,
  system: string,
  entities: readonly Entity[],
  sourceId: string,
  targetId: string,
): { entity: Entity; businessKeys: BusinessKeys } | null {
  for (const entity of entities) {
    for (const written of ctx.writtenFrom({ system, entity, id: sourceId })) {
      if (Object.values(written.targetIds).includes(targetId)) {
        return { entity, businessKeys: written.businessKeys };
      }
    }
  }
  return null;
}
