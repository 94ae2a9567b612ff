import { describe, expect, it } from 'vitest';
import { loadTeamleaderSpec } from './spec';
import { compileResponseCheck, createSpecAjv } from './spec-validator';

const ajv = createSpecAjv();
const check = (op: string, body: unknown, options: { apiNulls?: boolean; openEnums?: boolean }) =>
  compileResponseCheck(ajv, loadTeamleaderSpec(), op, options)?.(body).map((v) => v.message);

const contact = {
  id: 'c0ffee00-0000-4000-8000-000000000001',
  first_name: 'Lien',
  last_name: 'Peeters',
  status: 'active',
};

describe('the nulls the live API sends', () => {
  it('accepts an empty scalar as null, which the literal spec refuses', () => {
    const answer = { data: { ...contact, website: null, birthdate: null, iban: null } };
    expect(check('contacts.info', answer, {})).toEqual(
      expect.arrayContaining(['data.website must be string']),
    );
    expect(check('contacts.info', answer, { apiNulls: true })).toEqual([]);
    expect(check('contacts.list', { data: [{ ...contact, website: null }] }, { apiNulls: true })).toEqual([]);
  });

  it('accepts a nullable reference as null (the spec writes it as an allOf that refuses null)', () => {
    const answer = { data: { ...contact, payment_term: null } };
    expect(check('contacts.info', answer, {})).not.toEqual([]);
    expect(check('contacts.info', answer, { apiNulls: true })).toEqual([]);
  });

  it('keeps ids, types and statuses: they are never empty', () => {
    expect(check('contacts.info', { data: { ...contact, id: null } }, { apiNulls: true })).toEqual([
      'data.id must be string',
    ]);
    expect(check('contacts.info', { data: { ...contact, status: null } }, { apiNulls: true })).toContain(
      'data.status must be string',
    );
    const email = { type: null, email: 'lien@example.be' };
    expect(check('contacts.info', { data: { ...contact, emails: [email] } }, { apiNulls: true })).toContain(
      'data.emails.0.type must be string',
    );
  });

  it('keeps what the spec marks required: a money amount is never null', () => {
    const invoice = { data: [{ id: 'i-1', total: { tax_exclusive: { amount: null, currency: 'EUR' } } }] };
    expect(check('invoices.list', invoice, { apiNulls: true, openEnums: true })).toContain(
      'data.0.total.tax_exclusive.amount must be number',
    );
  });

  it('closes enums unless asked: the twin keeps to the listed values, the client takes new ones', () => {
    const answer = { data: { ...contact, status: 'archived' } };
    expect(check('contacts.info', answer, { apiNulls: true })).toContain(
      'data.status must be equal to one of the allowed values: active',
    );
    expect(check('contacts.info', answer, { apiNulls: true, openEnums: true })).toEqual([]);
  });
});
