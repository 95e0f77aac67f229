// Every text of the expansion card, in English and French. The generator writes them as custom labels
// (CustomLabels + the fr translation) and as the `ripeLabels` module the card imports, so a label the card
// uses always exists in both languages. `{0}` is filled in by the card.
import { picklistValues, valueLabel } from './picklist-labels.ts';

export interface CardLabel {
  en: string;
  fr: string;
}

export const cardTexts = {
  cardTitle: { en: 'Expansion opportunity', fr: "Opportunité d'expansion" },
  loading: { en: 'Loading the expansion verdict…', fr: "Chargement du verdict d'expansion…" },
  neverScored: {
    en: 'Ripe has not scored this account yet. It will after the next nightly run.',
    fr: "Ripe n'a pas encore évalué ce compte. Il le sera après la prochaine exécution nocturne.",
  },
  stale: {
    en: 'Last scored {0} days ago: this verdict may be out of date.',
    fr: "Dernière évaluation il y a {0} jours : ce verdict n'est peut-être plus à jour.",
  },
  loadError: {
    en: 'The expansion verdict could not be loaded',
    fr: "Le verdict d'expansion n'a pas pu être chargé",
  },
  saveError: { en: 'The decision could not be saved', fr: "La décision n'a pas pu être enregistrée" },
  showDetails: { en: 'Show details', fr: 'Afficher les détails' },
  hideDetails: { en: 'Hide details', fr: 'Masquer les détails' },
  readiness: { en: 'Readiness', fr: 'Maturité' },
  status: { en: 'Status', fr: 'Statut' },
  motion: { en: 'Motion', fr: 'Levier' },
  potential: { en: 'Potential', fr: 'Potentiel' },
  range: { en: 'Range', fr: 'Fourchette' },
  adjustedPotential: { en: 'Adjusted potential', fr: 'Potentiel ajusté' },
  expectedValue: { en: 'Expected value', fr: 'Valeur attendue' },
  probability: { en: 'Probability', fr: 'Probabilité' },
  probabilityInterval: { en: 'likely', fr: 'probablement' },
  confidence: { en: 'Confidence', fr: 'Confiance' },
  window: { en: 'Window', fr: 'Fenêtre' },
  signals: { en: 'Converging signals', fr: 'Signaux convergents' },
  noSignals: { en: 'No signal recorded.', fr: 'Aucun signal enregistré.' },
  contradictions: { en: 'Contradictions', fr: 'Contradictions' },
  noContradictions: { en: 'Nothing argues against it.', fr: "Rien ne s'y oppose." },
  decisionMaker: { en: 'Decision-maker', fr: 'Décideur' },
  approach: { en: 'Suggested approach', fr: 'Approche suggérée' },
  copyApproach: { en: 'Copy the approach', fr: "Copier l'approche" },
  copied: { en: 'Approach copied to the clipboard', fr: "L'approche est copiée dans le presse-papiers" },
  emailDraft: { en: 'Email draft', fr: "Brouillon d'e-mail" },
  emailSubject: { en: 'Subject', fr: 'Objet' },
  copyEmailDraft: { en: 'Copy the email', fr: "Copier l'e-mail" },
  emailDraftCopied: {
    en: 'Email draft copied to the clipboard',
    fr: "Le brouillon d'e-mail est copié dans le presse-papiers",
  },
  usage: { en: 'Usage against the licence', fr: 'Utilisation par rapport à la licence' },
  noUsage: { en: 'No usage history for this account.', fr: "Aucun historique d'utilisation pour ce compte." },
  licence: { en: 'Licence', fr: 'Licence' },
  usageChart: {
    en: 'Usage from {0} to {1}: {2} at the last point, licence {3}.',
    fr: 'Utilisation du {0} au {1} : {2} au dernier point, licence {3}.',
  },
  decision: { en: 'Decision', fr: 'Décision' },
  approve: { en: 'Approve', fr: 'Approuver' },
  adjust: { en: 'Adjust potential', fr: 'Ajuster le potentiel' },
  reject: { en: 'Reject', fr: 'Rejeter' },
  snooze: { en: 'Snooze', fr: 'Mettre en pause' },
  snoozeTwoWeeks: { en: 'For 2 weeks', fr: 'Pendant 2 semaines' },
  snoozeMonth: { en: 'For 30 days', fr: 'Pendant 30 jours' },
  snoozeQuarter: { en: 'For 90 days', fr: 'Pendant 90 jours' },
  snoozedUntil: { en: 'Snoozed until', fr: "En pause jusqu'au" },
  rejectionReason: { en: 'Rejection reason', fr: 'Motif du rejet' },
  rejectionHelp: {
    en: 'Say why: the next training learns from it.',
    fr: 'Indiquez pourquoi : le prochain entraînement en tient compte.',
  },
  adjustTitle: { en: 'Adjust the potential', fr: 'Ajuster le potentiel' },
  adjustHelp: {
    en: 'What you expect to add in ARR. Ripe keeps its own estimate beside yours.',
    fr: 'Ce que vous attendez en ARR supplémentaire. Ripe garde son estimation à côté de la vôtre.',
  },
  rejectTitle: { en: 'Reject this opportunity', fr: 'Rejeter cette opportunité' },
  cancel: { en: 'Cancel', fr: 'Annuler' },
  save: { en: 'Save', fr: 'Enregistrer' },
  saved: { en: 'Decision saved', fr: 'Décision enregistrée' },
  lastScored: { en: 'Last scored', fr: 'Dernière évaluation' },
} as const satisfies Record<string, CardLabel>;

export type CardTextKey = keyof typeof cardTexts;

/** One custom label: its name in the org, the key the card reads it by, its texts. */
export interface CustomLabelSpec extends CardLabel {
  fullName: string;
  /** `cardTitle`, or `values.not_ready` for a picklist value. */
  key: string;
}

const pascal = (words: string) =>
  words.replace(/(^|_)([a-z])/g, (_m, _s: string, c: string) => c.toUpperCase());
const fromCamel = (key: string) => key.replace(/^[a-z]/, (c) => c.toUpperCase());

/** The card's texts, then one label per catalogue picklist value, in a stable order. */
export function customLabels(): CustomLabelSpec[] {
  const texts = Object.entries(cardTexts).map(([key, label]) => ({
    fullName: `Ripe_${fromCamel(key)}`,
    key,
    ...label,
  }));
  const values = [...new Set(picklistValues)].map((value) => ({
    fullName: `Ripe_Value_${pascal(value)}`,
    key: `values.${value}`,
    ...valueLabel(value),
  }));
  return [...texts, ...values];
}
