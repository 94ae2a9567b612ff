import { describe, expect, it } from 'vitest';
import { flowFileName, flowFileText } from './flow-file';
import { FlowDocument } from './flow-document';
import { sampleFlow } from './testing/sample-flow';

describe('an exported flow file', () => {
  it('is named after the flow in kebab-case, accents dropped, or after its id when no letter is left', () => {
    expect(flowFileName(sampleFlow({ name: 'Kassa-orders → Teamleader (België)' }))).toBe(
      'kassa-orders-teamleader-belgie.flow.json',
    );
    expect(flowFileName(sampleFlow({ id: 'f-9', name: '→ ★ ←' }))).toBe('f-9.flow.json');
  });

  it('holds the document as pretty JSON that reads back as the same flow', () => {
    const flow = sampleFlow({ description: 'Orders' });
    const text = flowFileText(flow);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "name": "Orders",\n');
    expect(FlowDocument.parse(JSON.parse(text))).toEqual(flow);
  });
});
