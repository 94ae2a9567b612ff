import { StrictMode, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { FlowSummary } from '../../../../../shared/api/calls/flows';
import { FLOW_SCHEMA_VERSION, FlowDocument } from '../../../../../shared/flow/flow-document';
import { setApiClient } from '../../../api/api';
import { scriptedClient } from '../../../api/testing/scripted-client';
import { initI18n } from '../../../i18n/i18n';
import { RenameFlowDialog } from '../RenameFlowDialog';

/** What `RenameFlowDialog.test.ts` drives in the browser. */
export interface RenameFixture {
  /**
   * Opens the dialog for the flow `name` and reads, in the same task (before any effect's update
   * could render), whether the dialog is open and what its input holds.
   */
  open(name: string): { open: boolean; value: string };
  /** The names main was asked to save, in order. */
  saved: string[];
  /** What the dialog told the screen after each rename. */
  done: { from: string; to: string }[];
}

declare global {
  interface Window {
    renameFixture?: RenameFixture;
  }
}

const flows = new Map<string, FlowDocument>();

function flowNamed(name: string): FlowSummary {
  const id = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const flow = FlowDocument.parse({
    schemaVersion: FLOW_SCHEMA_VERSION,
    id,
    name,
    nodes: [{ id: 'trigger', kind: 'core.trigger.manual', version: 1, position: { x: 0, y: 0 }, config: {} }],
  });
  flows.set(id, flow);
  return {
    id,
    name,
    enabled: flow.enabled,
    schedule: flow.schedule,
    revision: flow.revision,
    updatedAt: null,
    nodeCount: 1,
    errors: 0,
    warnings: 0,
    lastRun: null,
    nextRunAt: null,
    running: false,
  };
}

const done: { from: string; to: string }[] = [];
let show: (flow: FlowSummary | null) => void = () => undefined;

function Harness() {
  const [flow, setFlow] = useState<FlowSummary | null>(null);
  show = setFlow;
  return (
    <RenameFlowDialog
      flow={flow}
      onClose={() => setFlow(null)}
      onDone={(names) => {
        done.push(names);
        setFlow(null);
      }}
    />
  );
}

async function start(): Promise<void> {
  const saved: string[] = [];
  setApiClient(
    scriptedClient({
      'flows.get': (input) => {
        const flow = flows.get((input as { id: string }).id);
        if (!flow) throw new Error('the test opened no such flow');
        return { flow, problems: [] };
      },
      'flows.save': (input) => {
        const { flow } = input as { flow: FlowDocument };
        saved.push(flow.name);
        return { flow: { ...flow, revision: flow.revision + 1 }, problems: [] };
      },
    }),
  );
  await initI18n('en');
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <Harness />
    </StrictMode>,
  );
  window.renameFixture = {
    open(name) {
      flushSync(() => show(flowNamed(name)));
      const dialog = document.querySelector<HTMLDialogElement>('[data-testid="rename-dialog"]');
      const input = document.querySelector<HTMLInputElement>('[data-testid="rename-input"]');
      return { open: dialog?.open ?? false, value: input?.value ?? '(no input)' };
    },
    saved,
    done,
  };
}

void start();
