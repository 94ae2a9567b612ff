import type { z } from 'zod';
import { appCalls } from './calls/app';
import { connectionsCalls, sandboxCalls } from './calls/connections';
import { editorCalls } from './calls/editor';
import { settingsCalls } from './calls/settings';
import { flowsCalls } from './calls/flows';
import { runsCalls } from './calls/runs';
import { catalogCalls, templatesCalls } from './calls/catalog';
import { wizardCalls } from './calls/wizard';

/**
 * The main↔renderer API: every call, named `domain.verb`. Each transport (Electron IPC, the web
 * host's WebSocket, direct calls from the command line) is an adapter over this one list.
 * Add a domain by adding a file under `calls/` and spreading it here.
 */
export const apiCalls = {
  ...appCalls,
  ...settingsCalls,
  ...connectionsCalls,
  ...sandboxCalls,
  ...editorCalls,
  ...flowsCalls,
  ...runsCalls,
  ...catalogCalls,
  ...templatesCalls,
  ...wizardCalls,
} as const;

export type ApiCalls = typeof apiCalls;
export type CallName = keyof ApiCalls;
/** What a caller may send (defaults still optional). */
export type CallInput<K extends CallName> = z.input<ApiCalls[K]['input']>;
/** What a handler receives after parsing (defaults applied). */
export type ParsedInput<K extends CallName> = z.output<ApiCalls[K]['input']>;
export type CallOutput<K extends CallName> = z.output<ApiCalls[K]['output']>;

export const callNames = Object.keys(apiCalls) as CallName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiCalls, name);
}

type DomainOf<K extends string> = K extends `${infer D}.${string}` ? D : never;
type VerbOf<K extends string, D extends string> = K extends `${D}.${infer V}` ? V : never;
type Call<D extends string, V extends string> = Extract<`${D}.${V}`, CallName>;
export type Domain = DomainOf<CallName>;

/** The typed client the renderer uses: `api.flows.list(input)` resolves with the output or throws. */
export type KoppelApi = {
  [D in Domain]: {
    [V in VerbOf<CallName, D>]: (input: CallInput<Call<D, V>>) => Promise<CallOutput<Call<D, V>>>;
  };
};

/** Splits `domain.verb`. */
export function splitCallName(name: CallName): [domain: string, verb: string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}
