import type Ajv from 'ajv';
import { loadTeamleaderSpec } from './spec';
import { compileResponseCheck, createSpecAjv, type SpecCheck } from './spec-validator';
import type { TeamleaderOperation } from './operations';

let ajv: Ajv | undefined;
const checks = new Map<TeamleaderOperation, SpecCheck | undefined>();

/**
 * The client's check of an operation's answer against the official spec, compiled on first use and
 * shared by every client in the process. It reads the spec as the live API answers: enums open (the
 * API adds values) and nulls where it sends them (empty scalars, nullable references).
 */
export function responseCheck(op: TeamleaderOperation): SpecCheck | undefined {
  if (!checks.has(op)) {
    ajv ??= createSpecAjv();
    checks.set(op, compileResponseCheck(ajv, loadTeamleaderSpec(), op, { openEnums: true, apiNulls: true }));
  }
  return checks.get(op);
}
