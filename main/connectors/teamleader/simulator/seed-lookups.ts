import { ref } from './context';
import { pad, personIn, slug } from './generators';
import type { Prng } from '../../seeded-prng';
import { DEAL_PHASES, LEGAL_FORMS, PRODUCT_CATEGORIES } from './seed-data';
import type { TwinState } from './state';

/**
 * The account's settings: two Belgian departments with their tax rates (21/12/6/0 %), users,
 * payment terms and methods, units, a price list, business types, product categories, custom field
 * definitions, deal pipelines with phases, deal sources and lost reasons.
 */
export function seedLookups(
  state: TwinState,
  prng: Prng,
  counts: { users: number; categories: number },
): void {
  const r = state.records;
  const departments = [
    { name: 'Koppel Demo BV', vat: 'BE0899623035', city: 'Gent', postal: '9000', street: 'Dok Noord 3A' },
    {
      name: 'Koppel Demo Horeca BV',
      vat: 'BE0712345678',
      city: 'Antwerpen',
      postal: '2000',
      street: 'Meir 12',
    },
  ];
  for (const d of departments) {
    const id = prng.uuid();
    r.departments[id] = {
      id,
      name: d.name,
      vat_number: d.vat,
      address: { line_1: d.street, postal_code: d.postal, city: d.city, country: 'BE', area_level_two: null },
      emails: [
        { type: 'primary', email: `info@${slug(d.name)}.example` },
        { type: 'invoicing', email: `facturen@${slug(d.name)}.example` },
      ],
      telephones: [{ type: 'phone', number: '+32 9 123 45 67' }],
      website: `https://${slug(d.name)}.example`,
      currency: 'EUR',
      iban: `BE${pad(prng.int(10, 99), 2)}${pad(prng.int(0, 999_999_999), 12)}`,
      bic: 'GKCCBEBB',
      fiscal_regime: null,
      status: 'active',
    };
    for (const rate of [0.21, 0.12, 0.06, 0]) {
      const rateId = prng.uuid();
      r.taxRates[rateId] = {
        id: rateId,
        description: `${Math.round(rate * 100)}%`,
        rate,
        department: ref('department', id),
      };
    }
  }
  const users = Array.from({ length: counts.users }, () => personIn(prng, 'BE'));
  users.forEach((person, index) => {
    const id = prng.uuid();
    r.users[id] = {
      id,
      account: ref('account', state.accountId),
      first_name: person.first,
      last_name: person.last,
      email: `${slug(person.first)}.${slug(person.last)}@koppel-demo.example`,
      telephones: [{ type: 'mobile', number: `+32 470 ${pad(index, 6)}` }],
      language: 'nl',
      function: index === 0 ? 'Zaakvoerder' : prng.pick(['Verkoop', 'Boekhouding', 'Winkel']),
      time_zone: 'Europe/Brussels',
      status: 'active',
      teams: [],
    };
    if (index === 0) state.currentUserId = id;
  });
  const terms = [
    { type: 'cash' as const },
    { type: 'after_invoice_date' as const, days: 14 },
    { type: 'after_invoice_date' as const, days: 30 },
    { type: 'end_of_month' as const, days: 30 },
  ];
  for (const term of terms) {
    const id = prng.uuid();
    r.paymentTerms[id] = { id, ...term };
    if (term.type === 'after_invoice_date' && term.days === 30) state.defaultPaymentTermId = id;
  }
  for (const [name, status] of [
    ['Contant', 'active'],
    ['Bancontact', 'active'],
    ['Overschrijving', 'active'],
    ['Cadeaubon', 'active'],
    ['Cheque', 'archived'],
  ] as const) {
    const id = prng.uuid();
    r.paymentMethods[id] = { id, name, status };
  }
  for (const name of ['stuk', 'kg', 'uur', 'liter']) {
    const id = prng.uuid();
    r.unitsOfMeasure[id] = { id, name };
  }
  const priceList = prng.uuid();
  r.priceLists[priceList] = { id: priceList, name: 'Groothandel', calculation_method: 'manual' };
  for (const [country, forms] of Object.entries({
    BE: [...LEGAL_FORMS.BE, 'VZW'],
    NL: LEGAL_FORMS.NL,
    FR: LEGAL_FORMS.FR,
    DE: LEGAL_FORMS.DE,
  })) {
    for (const name of forms) {
      const id = prng.uuid();
      r.businessTypes[id] = { id, name, country };
    }
  }
  const departmentIds = Object.keys(r.departments);
  PRODUCT_CATEGORIES.slice(0, counts.categories).forEach((name, index) => {
    const id = prng.uuid();
    r.productCategories[id] = {
      id,
      name,
      ledgers: departmentIds.map((d) => ({
        department: ref('department', d),
        ledger_account_number: String(700000 + index * 10),
      })),
    };
  });
  const definitions = [
    { context: 'contact', type: 'single_line', label: 'POS-klantnummer' },
    {
      context: 'company',
      type: 'single_select',
      label: 'Klantgroep',
      options: ['Particulier', 'Horeca', 'Groothandel'],
    },
    { context: 'product', type: 'single_line', label: 'EAN' },
    { context: 'invoice', type: 'single_line', label: 'Kassaticket' },
    { context: 'deal', type: 'single_line', label: 'Verkoopkanaal' },
  ] as const;
  for (const d of definitions) {
    const id = prng.uuid();
    r.customFieldDefinitions[id] = {
      id,
      context: d.context,
      type: d.type,
      label: d.label,
      group: 'Koppel',
      required: false,
      configuration: {
        ...('options' in d ? { options: d.options.map((value) => ({ id: prng.uuid(), value })) } : {}),
        extra_option_allowed: false,
      },
    };
  }
  for (const pipelineName of ['Verkoop', 'Evenementen']) {
    const pipeline = prng.uuid();
    r.dealPipelines[pipeline] = { id: pipeline, name: pipelineName };
    state.defaultPipelineId ||= pipeline;
    for (const phase of DEAL_PHASES) {
      const id = prng.uuid();
      r.dealPhases[id] = {
        id,
        name: phase.name,
        actions: [],
        requires_attention_after: { amount: 7, unit: 'days' },
        probability: phase.probability,
      };
      state.dealPhasePipelines[id] = pipeline;
    }
  }
  for (const name of ['Website', 'Winkel', 'Doorverwijzing', 'Beurs']) {
    const id = prng.uuid();
    r.dealSources[id] = { id, name };
  }
  for (const name of ['Te duur', 'Geen budget', 'Koos concurrent']) {
    const id = prng.uuid();
    r.lostReasons[id] = { id, name };
  }
}
