import type { Wording } from '../../flow/wording';

/** What calls about flows, templates and the editor's tests (main/services/flows-service.ts, editor-tester.ts, main/store/flow-store.ts, template-store.ts, main/nodes/core) answer when they fail, in English and Dutch. */
export const flowMessages = {} satisfies Record<string, Wording<never>>;
