// Companies, places and the vocabulary that fills message slots (teams, projects, competitors), by language.
import type { Language } from './people.data.ts';

export const industries = [
  'Software',
  'Financial Services',
  'Healthcare',
  'Manufacturing',
  'Retail',
  'Logistics',
  'Professional Services',
  'Education',
  'Media',
  'Energy',
] as const;

export interface CountryProfile {
  code: string;
  weight: number;
  /** Share of accounts of the country that work in French. */
  french: number;
  /** UTC offsets (minutes) of its offices; local office hours stay on the same UTC day. */
  offsets: readonly number[];
  cities: readonly string[];
}

export const countries: readonly CountryProfile[] = [
  {
    code: 'US',
    weight: 40,
    french: 0,
    offsets: [-300, -360],
    cities: ['Austin', 'Denver', 'Chicago', 'Boston', 'Atlanta', 'Seattle'],
  },
  {
    code: 'GB',
    weight: 11,
    french: 0,
    offsets: [0],
    cities: ['Manchester', 'Leeds', 'Bristol', 'Edinburgh'],
  },
  {
    code: 'FR',
    weight: 14,
    french: 1,
    offsets: [60, 120],
    cities: ['Lyon', 'Lille', 'Bordeaux', 'Nantes', 'Toulouse', 'Marseille'],
  },
  {
    code: 'BE',
    weight: 5,
    french: 0.75,
    offsets: [60],
    cities: ['Bruxelles', 'Liège', 'Namur', 'Charleroi'],
  },
  {
    code: 'CA',
    weight: 9,
    french: 0.45,
    offsets: [-300],
    cities: ['Montréal', 'Québec', 'Toronto', 'Ottawa'],
  },
  { code: 'DE', weight: 7, french: 0, offsets: [60], cities: ['Munich', 'Hamburg', 'Berlin', 'Cologne'] },
  { code: 'NL', weight: 5, french: 0, offsets: [60], cities: ['Rotterdam', 'Utrecht', 'Eindhoven'] },
  { code: 'ES', weight: 4, french: 0, offsets: [60], cities: ['Madrid', 'Barcelona', 'Valencia'] },
  { code: 'IE', weight: 5, french: 0, offsets: [0], cities: ['Dublin', 'Cork', 'Galway'] },
];

export const companyWords: Record<Language, { heads: readonly string[]; tails: readonly string[] }> = {
  en: {
    heads: [
      'Northwind',
      'Bluepeak',
      'Harbor',
      'Ironclad',
      'Summit',
      'Brightline',
      'Cedar',
      'Vantage',
      'Kestrel',
      'Lumen',
      'Atlas',
      'Orchard',
      'Redwood',
      'Silverline',
      'Tidewater',
      'Granite',
      'Beacon',
      'Crescent',
      'Evergreen',
      'Falcon',
      'Juniper',
      'Meridian',
      'Pioneer',
      'Quantum',
      'Sterling',
      'Alder',
      'Bramble',
      'Copperfield',
      'Driftwood',
      'Ember',
      'Foxglove',
      'Glacier',
      'Hawthorn',
      'Indigo',
      'Keystone',
      'Larkspur',
      'Maple',
      'Nimbus',
      'Oakridge',
      'Pinnacle',
    ],
    tails: [
      'Logistics',
      'Health',
      'Analytics',
      'Labs',
      'Foods',
      'Energy',
      'Financial',
      'Systems',
      'Retail',
      'Industries',
      'Partners',
      'Group',
      'Works',
      'Software',
      'Media',
      'Robotics',
      'Materials',
      'Biotech',
      'Freight',
      'Insurance',
      'Networks',
      'Outdoors',
      'Pharma',
      'Security',
      'Studios',
      'Mobility',
    ],
  },
  fr: {
    heads: [
      'Groupe',
      'Atelier',
      'Maison',
      'Société',
      'Compagnie',
      'Cabinet',
      'Laboratoires',
      'Éditions',
      'Transports',
      'Fromageries',
      'Brasserie',
      'Imprimerie',
      'Menuiserie',
      'Domaine',
      'Verrerie',
      'Chocolaterie',
    ],
    tails: [
      'Lefèvre',
      'Moreau',
      'Rivière',
      'Beaulieu',
      'Montclair',
      'Delmas',
      'Fontaine',
      'Valmont',
      'Chassagne',
      'Roussel',
      'Garnier',
      'Marchand',
      'Dumont',
      'Lacroix',
      'Boyer',
      'Aubry',
      'Bertin',
      'Carpentier',
      'Deschamps',
      'Étienne',
      'Fabre',
      'Gauthier',
      'Hébert',
      'Joubert',
      'Lemaire',
      'Mercier',
      'Noël',
      'Perrin',
      'Renaud',
      'Vasseur',
    ],
  },
};

/** French company forms written after the name ("Moreau SA"). */
export const companyForms: readonly string[] = ['SA', 'SAS', 'et Fils', 'Conseil'];

/**
 * Words added to a company name once every plain name of a language is taken in a block of the portfolio
 * ("Northwind Logistics Holdings"): neutral words, so that no name reads as a buying signal.
 */
export const companyQualifiers: Record<Language, readonly string[]> = {
  en: [
    'Holdings',
    'Solutions',
    'Trading',
    'Technologies',
    'Consulting',
    'Associates',
    'Company',
    'Collective',
  ],
  // No French word that reads as a verb or a direction in a sentence ("Est"), nor a team's name ("Services").
  fr: ['Associés', 'Frères', 'Participations', 'Ateliers', 'Compagnons', 'Industrie', 'Négoce', 'Holding'],
};

export const teams: Record<Language, readonly string[]> = {
  en: [
    'Customer Success',
    'Finance',
    'Marketing',
    'Support',
    'Field Sales',
    'Partnerships',
    'Data',
    'Procurement',
    'Inside Sales',
    'Operations',
  ],
  fr: [
    'service client',
    'finance',
    'marketing',
    'support',
    'ventes terrain',
    'partenariats',
    'data',
    'achats',
    'ventes sédentaires',
    'opérations',
  ],
};

export const projects: Record<Language, readonly string[]> = {
  en: [
    'the ERP migration',
    'the new partner portal',
    'our EMEA roll-out',
    'the pricing overhaul',
    'the customer onboarding revamp',
    'the retail expansion program',
  ],
  fr: [
    'la migration ERP',
    'le nouveau portail partenaires',
    'le déploiement EMEA',
    'la refonte des tarifs',
    "la refonte de l'onboarding client",
    'le programme d’ouverture de magasins',
  ],
};

export const expansionCountries: Record<Language, readonly string[]> = {
  en: ['Germany', 'Spain', 'the UK', 'Canada', 'Italy', 'the Nordics', 'Brazil', 'Japan'],
  fr: [
    "l'Allemagne",
    "l'Espagne",
    'le Royaume-Uni',
    'le Canada',
    "l'Italie",
    'les pays nordiques',
    'le Brésil',
    'le Japon',
  ],
};

export const competitors = ['Pipewise', 'Accountly', 'GrowthDesk', 'Tallyo', 'Revnest'] as const;

export const monthNames: Record<Language, readonly string[]> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
};

export const fundingRounds = ['Series A', 'Series B', 'Series C', 'growth round'] as const;

/** How customers name the features in their messages. */
export const featureNames: Record<string, Record<Language, string>> = {
  core: { en: 'the core workspace', fr: 'l’espace de travail' },
  reports: { en: 'advanced reports', fr: 'les rapports avancés' },
  sso: { en: 'SSO', fr: 'le SSO' },
  integrations: { en: 'the integrations', fr: 'les intégrations' },
  audit_log: { en: 'audit logs', fr: "le journal d'audit" },
  sandbox: { en: 'a sandbox environment', fr: 'un environnement de test' },
  custom_roles: { en: 'custom roles', fr: 'les rôles personnalisés' },
  data_residency: { en: 'data residency', fr: "l'hébergement des données en Europe" },
  dashboards: { en: 'dashboards', fr: 'les tableaux de bord' },
  forecasting: { en: 'forecasting', fr: 'les prévisions' },
  workflows: { en: 'workflows', fr: 'les workflows' },
  ai_summaries: { en: 'AI summaries', fr: 'les résumés IA' },
};
