import { describe, expect, it } from 'vitest';
import { loadTeamleaderSpec } from './spec';
import { compileResponseCheck, createSpecAjv } from './spec-validator';
import { withSpecNulls } from './api-nulls';

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

describe('the nulls a request may send', () => {
  const request = (op: string) => {
    const schema = loadTeamleaderSpec().operations.get(op)?.request;
    if (!schema) throw new Error(`${op} has no request schema`);
    return { literal: ajv.compile(schema), withNulls: ajv.compile(withSpecNulls(schema)) };
  };

  it('clears what the spec marks nullable: a nullable enum and a nullable reference', () => {
    const contacts = request('contacts.update');
    expect(contacts.literal({ id: 'c', gender: null })).toBe(false);
    expect(contacts.withNulls({ id: 'c', gender: null })).toBe(true);
    const products = request('products.update');
    expect(products.literal({ id: 'p', selling_price: null })).toBe(false);
    expect(products.withNulls({ id: 'p', selling_price: null })).toBe(true);
  });

  it('refuses null elsewhere: no empty-scalar rule for requests, and enums keep their values', () => {
    const contacts = request('contacts.update');
    expect(contacts.withNulls({ id: 'c', last_name: null })).toBe(false);
    expect(contacts.withNulls({ id: 'c', language: null })).toBe(false);
    expect(contacts.withNulls({ id: 'c', gender: 'other' })).toBe(false);
  });
});
