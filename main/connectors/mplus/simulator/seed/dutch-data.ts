/** Word lists for a Dutch shop's seed data (names, places, catalogue). Invented, not real people. */

export const FIRST_NAMES = [
  'Anna',
  'Sophie',
  'Julia',
  'Emma',
  'Lotte',
  'Sanne',
  'Fleur',
  'Eva',
  'Lisa',
  'Noor',
  'Daan',
  'Sem',
  'Lucas',
  'Milan',
  'Thijs',
  'Bram',
  'Jesse',
  'Ruben',
  'Lars',
  'Tim',
  'Maarten',
  'Pieter',
  'Willem',
  'Joost',
  'Femke',
  'Marieke',
  'Hanneke',
  'Koen',
  'Sven',
  'Wouter',
  'Lieke',
  'Ilse',
  'Jeroen',
  'Floor',
  'Stijn',
  'Annelies',
] as const;

export const FAMILY_NAMES = [
  ['', 'Jansen'],
  ['de', 'Vries'],
  ['van den', 'Berg'],
  ['van', 'Dijk'],
  ['', 'Bakker'],
  ['', 'Visser'],
  ['', 'Smit'],
  ['', 'Meijer'],
  ['de', 'Boer'],
  ['', 'Mulder'],
  ['de', 'Groot'],
  ['', 'Bos'],
  ['', 'Vos'],
  ['', 'Peters'],
  ['', 'Hendriks'],
  ['van', 'Leeuwen'],
  ['', 'Dekker'],
  ['', 'Brouwer'],
  ['de', 'Wit'],
  ['', 'Dijkstra'],
  ['', 'Smits'],
  ['de', 'Graaf'],
  ['van der', 'Meer'],
  ['', 'Kok'],
  ['', 'Claes'],
  ['', 'Peeters'],
  ['', 'Maes'],
  ['', 'Janssens'],
  ['', 'Wouters'],
  ['', 'Schmidt'],
  ['', 'Müller'],
  ['', 'Schneider'],
  ['', 'Fischer'],
  ['', 'Weber'],
] as const;

export interface Place {
  city: string;
  zip: () => string;
}

export const STREETS = [
  'Kerkstraat',
  'Dorpsstraat',
  'Molenweg',
  'Stationsweg',
  'Schoolstraat',
  'Lindelaan',
  'Eikenlaan',
  'Julianastraat',
  'Wilhelminaweg',
  'Marktplein',
  'Havenkade',
  'Prinsengracht',
  'Nieuwe Binnenweg',
] as const;

export const COUNTRIES = {
  NL: {
    cities: [
      'Amsterdam',
      'Utrecht',
      'Haarlem',
      'Rotterdam',
      'Den Haag',
      'Leiden',
      'Zwolle',
      'Groningen',
      'Eindhoven',
    ],
    streets: STREETS,
    zip: (digits: string, letters: string) => `${digits.slice(0, 4)} ${letters}`,
    phone: (digits: string) => `+31 6 ${digits.slice(0, 4)} ${digits.slice(4, 8)}`,
    vat: (digits: string) => `NL${digits.slice(0, 9)}B01`,
    emailDomain: 'example.com',
  },
  BE: {
    cities: ['Antwerpen', 'Gent', 'Brugge', 'Leuven', 'Hasselt', 'Mechelen'],
    streets: ['Kerkstraat', 'Stationsstraat', 'Grote Markt', 'Meir', 'Veldstraat', 'Bondgenotenlaan'],
    zip: (digits: string) => `${1000 + (Number(digits.slice(0, 4)) % 8999)}`,
    phone: (digits: string) => `+32 470 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 6)}`,
    vat: (digits: string) => `BE0${digits.slice(0, 9)}`,
    emailDomain: 'example.org',
  },
  DE: {
    cities: ['Köln', 'Düsseldorf', 'Aachen', 'Münster', 'Kleve', 'Essen'],
    streets: ['Hauptstraße', 'Schulstraße', 'Bahnhofstraße', 'Gartenweg', 'Lindenallee'],
    zip: (digits: string) => `${10000 + (Number(digits.slice(0, 5)) % 89999)}`,
    phone: (digits: string) => `+49 151 ${digits.slice(0, 4)} ${digits.slice(4, 8)}`,
    vat: (digits: string) => `DE${digits.slice(0, 9)}`,
    emailDomain: 'example.net',
  },
} as const;

export type CountryCode = keyof typeof COUNTRIES;

export const COMPANY_WORDS = {
  first: [
    'Bakkerij',
    'Koffiebar',
    'Kantoor',
    'Studio',
    'Hotel',
    'Restaurant',
    'Atelier',
    'Bloemenzaak',
    'Boekhandel',
  ],
  second: [
    'De Zon',
    'Het Anker',
    'De Linde',
    'Noord',
    'Centraal',
    'De Molen',
    'Vondel',
    'Zuid',
    'Het Hof',
    'Oost',
  ],
  legal: ['B.V.', 'V.O.F.', 'BV', 'bvba', 'GmbH'],
} as const;

export const BRANCHES = [
  { branchNumber: 1, branchName: 'Amsterdam Centrum', abbreviation: 'AMS' },
  { branchNumber: 2, branchName: 'Utrecht Oudegracht', abbreviation: 'UTR' },
  { branchNumber: 3, branchName: 'Haarlem Grote Markt', abbreviation: 'HLM' },
  { branchNumber: 4, branchName: 'Rotterdam Witte de With', abbreviation: 'RTM' },
  { branchNumber: 5, branchName: 'Den Haag Denneweg', abbreviation: 'DHG' },
] as const;

/** The city each branch is in; the lowest-numbered branch is the head office the licence names. */
export const BRANCH_CITIES: Readonly<Record<number, string>> = {
  1: 'Amsterdam',
  2: 'Utrecht',
  3: 'Haarlem',
  4: 'Rotterdam',
  5: 'Den Haag',
};

/** Trade names for the licensed company (coffee, tea, kitchen and gifts, like the catalogue). */
export const SHOP_NAMES = [
  'De Koffiekamer',
  'Bonen & Blad',
  'Het Theehuis',
  'Kop & Schotel',
  'De Zoete Inval',
  'Huis van Smaak',
  'Brander & Zonen',
  'De Pepermolen',
] as const;

/** VAT codes: 1 = low (9 %), 2 = high (21 %) as the tutorial numbers them, 3 = zero rate. */
export const VAT_RATES = [
  { vatCode: 1, vatPercentage: 9, accountNumber: 1510 },
  { vatCode: 2, vatPercentage: 21, accountNumber: 1520 },
  { vatCode: 3, vatPercentage: 0, accountNumber: 1530 },
] as const;

export const TURNOVER_GROUPS = [
  { turnoverGroup: 1, turnoverGroupName: 'Omzet hoog tarief', defaultVatCode: 2, accountNumber: 8000 },
  { turnoverGroup: 2, turnoverGroupName: 'Omzet laag tarief', defaultVatCode: 1, accountNumber: 8010 },
  { turnoverGroup: 3, turnoverGroupName: 'Omzet nultarief', defaultVatCode: 3, accountNumber: 8020 },
  { turnoverGroup: 4, turnoverGroupName: 'Cadeaukaarten', defaultVatCode: 3, accountNumber: 8030 },
] as const;

export interface CatalogueGroup {
  name: string;
  text: string;
  children: {
    name: string;
    text: string;
    items: readonly string[];
    /** Variants become separate articles of one product. */
    variants: readonly { colour?: string; size?: string }[];
    price: readonly [number, number];
    vatCode: 1 | 2 | 3;
    turnoverGroup: 1 | 2 | 3 | 4;
    stockArticle: boolean;
  }[];
}

const sizes = (...values: string[]) => values.map((size) => ({ size }));
const colours = (...values: string[]) => values.map((colour) => ({ colour }));

export const CATALOGUE: readonly CatalogueGroup[] = [
  {
    name: 'Koffie & thee',
    text: 'Bonen, thee en alles om te zetten',
    children: [
      {
        name: 'Koffiebonen',
        text: 'Versgebrande bonen',
        items: [
          'Espresso blend',
          'Colombia Supremo',
          'Ethiopië Yirgacheffe',
          'Brazilië Santos',
          'Decafé Zwitsers water',
        ],
        variants: sizes('250 g', '500 g', '1 kg'),
        price: [695, 2995],
        vatCode: 1,
        turnoverGroup: 2,
        stockArticle: true,
      },
      {
        name: 'Thee',
        text: 'Losse thee',
        items: ['Earl Grey', 'Groene sencha', 'Rooibos vanille', 'Verse munt', 'Chai kruiden'],
        variants: sizes('100 g'),
        price: [450, 1250],
        vatCode: 1,
        turnoverGroup: 2,
        stockArticle: true,
      },
      {
        name: 'Koffiezetten',
        text: 'Zetapparatuur',
        items: ['Filterhouder V60', 'Moka pot', 'French press', 'Melkopschuimer', 'Handkoffiemolen'],
        variants: colours('zwart', 'wit', 'rood'),
        price: [1495, 8995],
        vatCode: 2,
        turnoverGroup: 1,
        stockArticle: true,
      },
    ],
  },
  {
    name: 'Keuken',
    text: 'Servies en kookgerei',
    children: [
      {
        name: 'Servies',
        text: 'Borden, mokken en schalen',
        items: ['Mok', 'Espressokopje', 'Ontbijtbord', 'Saladeschaal', 'Theepot'],
        variants: colours('wit', 'oker', 'zeegroen'),
        price: [595, 4495],
        vatCode: 2,
        turnoverGroup: 1,
        stockArticle: true,
      },
      {
        name: 'Kookgerei',
        text: 'Pannen en gereedschap',
        items: ['Koekenpan 24 cm', 'Snijplank eiken', 'Pollepel', 'Garde', 'Braadpan gietijzer'],
        variants: [{}],
        price: [795, 12995],
        vatCode: 2,
        turnoverGroup: 1,
        stockArticle: true,
      },
    ],
  },
  {
    name: 'Wonen',
    text: 'Sfeer in huis',
    children: [
      {
        name: 'Kaarsen & geuren',
        text: 'Kaarsen en geurstokjes',
        items: ['Geurkaars vijg', 'Dinerkaarsen 6 stuks', 'Theelichtjes 30 stuks', 'Geurstokjes cederhout'],
        variants: [{}],
        price: [395, 3495],
        vatCode: 2,
        turnoverGroup: 1,
        stockArticle: true,
      },
      {
        name: 'Textiel',
        text: 'Theedoeken, plaids en schorten',
        items: ['Theedoek', 'Plaid wol', 'Keukenschort', 'Kussenhoes linnen'],
        variants: colours('naturel', 'antraciet', 'terracotta'),
        price: [895, 8995],
        vatCode: 2,
        turnoverGroup: 1,
        stockArticle: true,
      },
    ],
  },
  {
    name: 'Lekkernijen',
    text: 'Zoet en hartig',
    children: [
      {
        name: 'Chocolade',
        text: 'Repen en letters',
        items: ['Puur 72%', 'Melk hazelnoot', 'Wit framboos', 'Chocoladeletter'],
        variants: [{}],
        price: [295, 895],
        vatCode: 1,
        turnoverGroup: 2,
        stockArticle: true,
      },
      {
        name: 'Koek & snoep',
        text: 'Hollandse klassiekers',
        items: ['Stroopwafels', 'Speculaasbrokken', 'Dropmix', 'Kruidnoten'],
        variants: [{}],
        price: [249, 695],
        vatCode: 1,
        turnoverGroup: 2,
        stockArticle: true,
      },
    ],
  },
  {
    name: 'Cadeaus',
    text: 'Kaarten en cadeaukaarten',
    children: [
      {
        name: 'Kaarten',
        text: 'Wenskaarten',
        items: ['Wenskaart', 'Verjaardagskaart', 'Ansichtkaart grachten'],
        variants: [{}],
        price: [195, 395],
        vatCode: 2,
        turnoverGroup: 1,
        stockArticle: true,
      },
      {
        name: 'Cadeaukaarten',
        text: 'Tegoed voor de winkel',
        items: ['Cadeaukaart'],
        variants: [{ size: '€ 10' }, { size: '€ 25' }, { size: '€ 50' }],
        price: [1000, 5000],
        vatCode: 3,
        turnoverGroup: 4,
        stockArticle: false,
      },
    ],
  },
];
