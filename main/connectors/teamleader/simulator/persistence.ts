import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { loadTeamleaderSpec } from '../spec';
import { compileResponseCheck, createSpecAjv, type SpecCheck } from '../spec-validator';
import {
  ENTITY_SHAPES,
  ENTITY_TYPES,
  emptyRecords,
  type EntityType,
  type Records,
  type TwinState,
} from './state';

const StateFile = z.object({
  version: z.literal(1),
  seed: z.number().int(),
  size: z.enum(['small', 'medium', 'large']),
  accountId: z.string(),
  currentUserId: z.string(),
  defaultPaymentTermId: z.string(),
  defaultPipelineId: z.string(),
  dealPhasePipelines: z.record(z.string(), z.string()),
  prngPosition: z.number().int(),
  counters: z.record(z.string(), z.number()),
  records: z.record(z.string(), z.record(z.string(), z.looseObject({ id: z.string() }))),
  webhooks: z.array(z.object({ url: z.string(), types: z.array(z.string()) })),
  auth: z.object({
    codes: z.record(
      z.string(),
      z.object({
        clientId: z.string(),
        redirectUri: z.string(),
        codeChallenge: z.string().optional(),
        expiresAt: z.number(),
      }),
    ),
    accessTokens: z.record(z.string(), z.object({ clientId: z.string(), expiresAt: z.number() })),
    refreshTokens: z.record(z.string(), z.string()),
  }),
});

let recordChecks: Map<EntityType, SpecCheck> | undefined;

/**
 * Each stored record must have its API shape: the spec with the nulls the live API sends, and open
 * enums (a state file from an older twin may hold a value since dropped).
 */
function checkRecord(type: EntityType, record: unknown): string | undefined {
  if (!recordChecks) {
    const ajv = createSpecAjv();
    const spec = loadTeamleaderSpec();
    recordChecks = new Map();
    for (const t of ENTITY_TYPES) {
      const check = compileResponseCheck(ajv, spec, ENTITY_SHAPES[t].op, { openEnums: true, apiNulls: true });
      if (check) recordChecks.set(t, check);
    }
  }
  const body = ENTITY_SHAPES[type].shape === 'info' ? { data: record } : { data: [record] };
  return recordChecks.get(type)?.(body)[0]?.message;
}

/**
 * Reads a state file written by `save`. Anything unreadable is reported, never half-loaded: the
 * caller decides to reseed.
 */
export function loadState(file: string): TwinState {
  const parsed = StateFile.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const records: Records = emptyRecords();
  for (const type of ENTITY_TYPES) {
    const stored = parsed.records[type] ?? {};
    for (const [id, record] of Object.entries(stored)) {
      const problem = checkRecord(type, record);
      if (problem) throw new Error(`${file}: ${type} ${id} is not a valid record (${problem})`);
    }
    // Every record just passed the spec's schema for its type, which the record types come from.
    Object.assign(records[type], stored as Records[typeof type]);
  }
  return { ...parsed, records };
}

/**
 * Writes the state atomically (temp file, then rename), so a crash never leaves half a file.
 * Issued codes and tokens are left out: they live in memory only, so the data folder of the
 * built-in sandbox never holds a token (clients authorise again after a restart).
 */
export function saveState(file: string, state: TwinState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const persisted: TwinState = { ...state, auth: { codes: {}, accessTokens: {}, refreshTokens: {} } };
  fs.writeFileSync(temp, JSON.stringify(persisted));
  fs.renameSync(temp, file);
}

/** Debounced saving: many writes in a burst cost one file write. */
export class StateSaver {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly file: string,
    private readonly state: () => TwinState,
    private readonly debounceMs = 250,
  ) {}

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      saveState(this.file, this.state());
    }, this.debounceMs);
    this.timer.unref();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    saveState(this.file, this.state());
  }
}
