/** Word lists for the twin's seed data (made up; any resemblance to real businesses is chance). */

export const COUNTRIES = ['BE', 'BE', 'BE', 'NL', 'NL', 'FR', 'DE'] as const;
export type SeedCountry = (typeof COUNTRIES)[number];

export const FIRST_NAMES: Record<SeedCountry, readonly string[]> = {
  BE: [
    'An',
    'Lotte',
    'Wout',
    'Jens',
    'Elise',
    'Pieter',
    'Sofie',
    'Thomas',
    'Lien',
    'Bram',
    'Marie',
    'Arne',
    'Hanne',
    'Koen',
  ],
  NL: ['Daan', 'Sanne', 'Lars', 'Femke', 'Ruben', 'Iris', 'Joost', 'Lisa', 'Bas', 'Anouk'],
  FR: ['Camille', 'Louis', 'Chloé', 'Hugo', 'Léa', 'Julien', 'Manon', 'Antoine'],
  DE: ['Lukas', 'Anna', 'Jonas', 'Lea', 'Felix', 'Mia', 'Paul', 'Hannah'],
};

export const LAST_NAMES: Record<SeedCountry, readonly string[]> = {
  BE: [
    'Peeters',
    'Janssens',
    'Maes',
    'Jacobs',
    'Willems',
    'Claes',
    'Goossens',
    'Wouters',
    'De Smet',
    'Vermeulen',
    'Dubois',
    'Lambert',
  ],
  NL: [
    'de Jong',
    'Jansen',
    'de Vries',
    'van den Berg',
    'Bakker',
    'Visser',
    'Smit',
    'Meijer',
    'Mulder',
    'de Boer',
  ],
  FR: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand'],
  DE: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker'],
};

export const PLACES: Record<
  SeedCountry,
  readonly { city: string; postal: string; streets: readonly string[] }[]
> = {
  BE: [
    {
      city: 'Gent',
      postal: '9000',
      streets: ['Korenmarkt', 'Veldstraat', 'Dok Noord', 'Sint-Pietersnieuwstraat'],
    },
    {
      city: 'Antwerpen',
      postal: '2000',
      streets: ['Meir', 'Groenplaats', 'Kammenstraat', 'Nationalestraat'],
    },
    { city: 'Leuven', postal: '3000', streets: ['Bondgenotenlaan', 'Naamsestraat', 'Tiensestraat'] },
    { city: 'Brugge', postal: '8000', streets: ['Steenstraat', 'Noordzandstraat', 'Langestraat'] },
    { city: 'Bruxelles', postal: '1000', streets: ['Rue Neuve', 'Boulevard Anspach', 'Rue du Midi'] },
    { city: 'Liège', postal: '4000', streets: ['Rue Saint-Gilles', 'Boulevard de la Sauvenière'] },
  ],
  NL: [
    { city: 'Amsterdam', postal: '1012 AB', streets: ['Damrak', 'Kalverstraat', 'Prinsengracht'] },
    { city: 'Utrecht', postal: '3511 LN', streets: ['Oudegracht', 'Lange Elisabethstraat'] },
    { city: 'Rotterdam', postal: '3011 AD', streets: ['Coolsingel', 'Lijnbaan', 'Witte de Withstraat'] },
  ],
  FR: [
    { city: 'Lille', postal: '59000', streets: ['Rue de Béthune', 'Rue Esquermoise', 'Grand Place'] },
    { city: 'Paris', postal: '75011', streets: ['Rue Oberkampf', 'Boulevard Voltaire'] },
  ],
  DE: [
    { city: 'Aachen', postal: '52062', streets: ['Adalbertstraße', 'Großkölnstraße'] },
    { city: 'Köln', postal: '50667', streets: ['Hohe Straße', 'Schildergasse', 'Breite Straße'] },
  ],
};

export const COMPANY_WORDS = [
  'Bakkerij',
  'Koffiebar',
  'Fietsenwinkel',
  'Boekhandel',
  'Bloemen',
  'Slagerij',
  'Traiteur',
  'Wijnhuis',
  'Brasserie',
  'Kapsalon',
  'Apotheek',
  'Schoenen',
  'Speelgoed',
  'Kaasmakerij',
  'Chocolatier',
  'Ijssalon',
] as const;

export const LEGAL_FORMS: Record<SeedCountry, readonly string[]> = {
  BE: ['BV', 'NV', 'CommV', 'VOF'],
  NL: ['B.V.', 'V.O.F.', 'Eenmanszaak'],
  FR: ['SARL', 'SAS', 'SA'],
  DE: ['GmbH', 'AG', 'KG'],
};

export const VAT_PREFIX: Record<SeedCountry, string> = { BE: 'BE0', NL: 'NL', FR: 'FR', DE: 'DE' };

export const LANGUAGE: Record<SeedCountry, string> = { BE: 'nl', NL: 'nl', FR: 'fr', DE: 'de' };

export const PRODUCT_CATEGORIES = [
  'Brood',
  'Patisserie',
  'Koffie',
  'Thee',
  'Frisdranken',
  'Wijn',
  'Bier',
  'Zuivel',
  'Kaas',
  'Charcuterie',
  'Groenten',
  'Fruit',
  'Snoep',
  'Chocolade',
  'Diepvries',
  'Huishouden',
  'Verzorging',
  'Papierwaren',
  'Speelgoed',
  'Boeken',
  'Tijdschriften',
  'Bloemen',
  'Planten',
  'Tuin',
  'Fietsen',
  'Onderdelen',
  'Kleding',
  'Schoenen',
  'Accessoires',
  'Geschenken',
  'Cadeaubonnen',
  'Diensten',
  'Verhuur',
  'Abonnementen',
  'Catering',
  'Feestartikelen',
  'Elektronica',
  'Batterijen',
  'Verpakking',
  'Diversen',
] as const;

export const PRODUCT_ADJECTIVES = [
  'Vers',
  'Biologisch',
  'Ambachtelijk',
  'Klassiek',
  'Premium',
  'Mini',
  'Groot',
  'Huisgemaakt',
] as const;
export const PRODUCT_NOUNS = [
  'croissant',
  'volkorenbrood',
  'espresso',
  'cappuccino',
  'appeltaart',
  'pralines',
  'jonge kaas',
  'rode wijn',
  'tripel',
  'speculoos',
  'boeket',
  'fietsbel',
  'binnenband',
  'notitieboek',
  'sjaal',
  'kaars',
  'theepot',
  'cadeaubon',
] as const;

export const DEAL_PHASES = [
  { name: 'New', probability: 0.1 },
  { name: 'Contacted', probability: 0.25 },
  { name: 'Proposal sent', probability: 0.5 },
  { name: 'Negotiation', probability: 0.75 },
] as const;
