import { describe, expect, it } from 'vitest';
import { toJsonObject } from '../../../shared/domain/json';
import { OrderStatus } from '../../../shared/domain/order-status';
import { StatusRulesConfig } from '../../../shared/nodes/steps/status-rules';
import { type StepError } from '../../engine/errors';
import { statusRulesModule } from './status-rules';
import { process, testContext } from './support/test-context';

const status = (sourceStatus: string, paymentMethod?: string) =>
  toJsonObject({
    source: { system: 'teamleader', entity: 'invoice', id: 'inv-1' },
    number: '2026 / 7',
    orderReference: 'inv-1',
    status: sourceStatus,
    sourceStatus,
    ...(paymentMethod ? { paymentMethod } : {}),
  });

async function run(config: unknown, data: ReturnType<typeof status>) {
  if (statusRulesModule.executor.category !== 'transform') throw new Error('not a transform');
  return process(await statusRulesModule.executor.open(testContext(StatusRulesConfig.parse(config))), data);
}

const config = {
  statusMap: [{ from: 'matched', to: 'paid' }],
  paymentMethods: [{ from: 'cash', to: 'CONTANT' }],
  defaultPaymentMethod: 'PIN',
};

describe('order status map', () => {
  it('maps the status and the payment method (default when unknown)', async () => {
    const paid = await run(config, status('matched', 'cash'));
    expect(paid.kind === 'emit' && OrderStatus.parse(paid.outputs[0]?.record.data)).toMatchObject({
      status: 'paid',
      paymentMethod: 'CONTANT',
    });
    const card = await run(config, status('matched', 'payment_card'));
    expect(card.kind === 'emit' && OrderStatus.parse(card.outputs[0]?.record.data).paymentMethod).toBe('PIN');
  });

  it('skips or fails a status that is not in the map', async () => {
    expect(await run(config, status('outstanding'))).toEqual({
      kind: 'skip',
      reason: { code: 'statusNotMapped', params: { status: 'outstanding' } },
    });
    const error = await run({ ...config, unknownStatus: 'fail' }, status('outstanding')).catch(
      (e: unknown) => e,
    );
    expect((error as StepError).message).toBe(
      'Order status of "2026 / 7": status "outstanding" is not in the status map.',
    );
  });
});
