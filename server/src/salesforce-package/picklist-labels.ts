// What a person reads for each catalogue picklist value, in English (the field's value label) and French
// (the card's custom label). The value itself is what the night writes and never changes. A value added to
// the catalogue without a label here fails the package test and the generator.
import { fieldCatalogue, type CatalogueField } from '@ripe/shared';

export interface ValueLabel {
  en: string;
  fr: string;
}

export const picklistValueLabels: Readonly<Record<string, ValueLabel>> = {
  ready: { en: 'Ready', fr: 'Prêt' },
  nurture: { en: 'Nurture', fr: 'À cultiver' },
  caution: { en: 'Caution', fr: 'Prudence' },
  not_ready: { en: 'Not ready', fr: 'Pas prêt' },
  seat_upsell: { en: 'Seat upsell', fr: 'Licences supplémentaires' },
  tier_upgrade: { en: 'Tier upgrade', fr: 'Montée en gamme' },
  cross_sell: { en: 'Cross-sell', fr: 'Vente croisée' },
  usage_commit: { en: 'Usage commit', fr: 'Engagement de consommation' },
  new: { en: 'New', fr: 'Nouveau' },
  approved: { en: 'Approved', fr: 'Approuvé' },
  adjusted: { en: 'Adjusted', fr: 'Ajusté' },
  rejected: { en: 'Rejected', fr: 'Rejeté' },
  snoozed: { en: 'Snoozed', fr: 'En pause' },
  won: { en: 'Won', fr: 'Gagné' },
  lost: { en: 'Lost', fr: 'Perdu' },
};

/** The labels of one catalogue picklist value; a value without labels is a programmer error. */
export function valueLabel(value: string): ValueLabel {
  const label = picklistValueLabels[value];
  if (!label) throw new Error(`no label for the picklist value ${value}: add it to picklist-labels.ts`);
  return label;
}

/** The values of every catalogue picklist, in catalogue order. */
export const picklistValues: readonly string[] = fieldCatalogue.flatMap(
  (entry: CatalogueField) => entry.values ?? [],
);
