// Names and job titles of the sandbox's contacts and staff, in English and French. A French title has a
// masculine and a feminine form; English titles are also common in French companies.
import type { ContactRole, Seniority } from '@ripe/shared';

export type Language = 'en' | 'fr';
export type Gender = 'f' | 'm';

export const firstNames: Record<Language, Record<Gender, readonly string[]>> = {
  en: {
    f: [
      'Sarah',
      'Emily',
      'Jessica',
      'Laura',
      'Megan',
      'Rachel',
      'Olivia',
      'Hannah',
      'Grace',
      'Priya',
      'Aisha',
      'Chloe',
      'Natalie',
      'Rebecca',
      'Maya',
    ],
    m: [
      'James',
      'Michael',
      'David',
      'Daniel',
      'Ryan',
      'Kevin',
      'Jason',
      'Tom',
      'Ethan',
      'Raj',
      'Marcus',
      'Owen',
      'Lucas',
      'Samuel',
      'Noah',
    ],
  },
  fr: {
    f: [
      'Camille',
      'Claire',
      'Sophie',
      'Julie',
      'Élodie',
      'Manon',
      'Léa',
      'Chloé',
      'Inès',
      'Nathalie',
      'Amélie',
      'Céline',
      'Aurélie',
      'Émilie',
      'Mathilde',
    ],
    m: [
      'Julien',
      'Nicolas',
      'Thomas',
      'Antoine',
      'Maxime',
      'Guillaume',
      'Pierre',
      'Mathieu',
      'François',
      'Sébastien',
      'Karim',
      'Hugo',
      'Louis',
      'Olivier',
      'Benoît',
    ],
  },
};

export const lastNames: Record<Language, readonly string[]> = {
  en: [
    'Smith',
    'Johnson',
    'Williams',
    'Brown',
    'Miller',
    'Davis',
    'Wilson',
    'Taylor',
    'Anderson',
    'Clark',
    'Lewis',
    'Walker',
    'Patel',
    'Nguyen',
    'Murphy',
    'Hughes',
    'Foster',
    'Bennett',
    'Reed',
    'Carter',
  ],
  fr: [
    'Martin',
    'Bernard',
    'Dubois',
    'Lefèvre',
    'Moreau',
    'Laurent',
    'Girard',
    'Roux',
    'Fournier',
    'Morel',
    'Mercier',
    'Dupont',
    'Lambert',
    'Bonnet',
    'Rousseau',
    'Vincent',
    'Fontaine',
    'Chevalier',
    'Gauthier',
    'Perrin',
  ],
};

/** A title: English, or French masculine/feminine. */
export interface TitleChoice {
  en: string;
  fr: readonly [masculine: string, feminine: string];
  seniority: Seniority;
}

function title(en: string, frMasculine: string, frFeminine: string, seniority: Seniority): TitleChoice {
  return { en, fr: [frMasculine, frFeminine], seniority };
}

/** The roles the sandbox's people take (the import format knows more: admin, procurement, legal…). */
export type SandboxRole = Extract<
  ContactRole,
  'champion' | 'sponsor' | 'decision_maker' | 'budget_owner' | 'user' | 'influencer'
>;

export const titlesByRole: Record<SandboxRole, readonly TitleChoice[]> = {
  champion: [
    title('Head of RevOps', 'Head of RevOps', 'Head of RevOps', 'director'),
    title('Operations Manager', 'Responsable des opérations', 'Responsable des opérations', 'manager'),
    title('Sales Operations Manager', 'Responsable Sales Ops', 'Responsable Sales Ops', 'manager'),
    title('Customer Success Lead', 'Responsable Customer Success', 'Responsable Customer Success', 'manager'),
    title(
      'Director of Operations',
      'Directeur des opérations commerciales',
      'Directrice des opérations commerciales',
      'director',
    ),
    title('CRM Program Manager', 'Chef de projet CRM', 'Cheffe de projet CRM', 'manager'),
  ],
  sponsor: [
    title('VP Operations', 'Directeur des opérations', 'Directrice des opérations', 'vp'),
    title('VP Sales', 'Directeur commercial', 'Directrice commerciale', 'vp'),
    title('VP Customer Success', 'Directeur de la relation client', 'Directrice de la relation client', 'vp'),
    title('SVP Revenue', 'VP Sales', 'VP Sales', 'vp'),
  ],
  decision_maker: [
    title('COO', 'Directeur général délégué', 'Directrice générale déléguée', 'c_level'),
    title('Chief Revenue Officer', 'Directeur général', 'Directrice générale', 'c_level'),
    title('CEO', 'Président', 'Présidente', 'c_level'),
    title('CTO', 'DSI', 'DSI', 'c_level'),
  ],
  budget_owner: [
    title('CFO', 'Directeur financier', 'Directrice financière', 'c_level'),
    title('VP Finance', 'DAF', 'DAF', 'vp'),
    title('Head of Procurement', 'Responsable des achats', 'Responsable des achats', 'director'),
    title('Finance Director', 'Contrôleur de gestion', 'Contrôleuse de gestion', 'director'),
  ],
  user: [
    title('Sales Operations Analyst', 'Analyste commercial', 'Analyste commerciale', 'individual'),
    title('Account Executive', 'Chargé de clientèle', 'Chargée de clientèle', 'individual'),
    title('Customer Success Manager', 'Chargé de mission', 'Chargée de mission', 'individual'),
    title('Business Analyst', 'Commercial sédentaire', 'Commerciale sédentaire', 'individual'),
    title('Data Analyst', 'Assistant commercial', 'Assistante commerciale', 'individual'),
  ],
  influencer: [
    title('IT Manager', 'Responsable informatique', 'Responsable informatique', 'manager'),
    title('Solutions Architect', 'Architecte solutions', 'Architecte solutions', 'manager'),
    title('Procurement Manager', 'Acheteur', 'Acheteuse', 'manager'),
  ],
};

export function titleText(
  choice: TitleChoice,
  language: Language,
  gender: Gender,
  englishAnyway: boolean,
): string {
  if (language === 'en' || englishAnyway) return choice.en;
  return gender === 'f' ? choice.fr[1] : choice.fr[0];
}

/** ASCII e-mail local part: "Élodie Lefèvre" → "elodie.lefevre". */
export function emailLocalPart(first: string, last: string): string {
  return `${first}.${last}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z.]/g, '');
}
