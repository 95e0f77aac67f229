import { wordPairs, type Lexicon } from './lexicon.ts';

const SEATS = '(?:licences?|sieges?|postes?|utilisateurs?|comptes?|acces)';
// Des personnes qui auront chacune besoin d'une licence.
const PEOPLE = 'personnes collaborateurs salaries commerciaux analystes agents ingenieurs';
const OFFER = '(?:offre|formule|plan|forfait|edition|abonnement|version)';
const LIMIT = '(?:limite|limites|quota|quotas|plafond|maximum|nombre maximum)';
// Les personnes qu'une panne bloque : « toute l'équipe », « nos commerciaux », « tout le monde ».
const PEOPLE_OBJECT =
  "(?:toute |tout |toutes |tous |l'ensemble (?:de |des )?|nos |notre |les |l'|des )*(?:equipe|equipes|utilisateurs|collaborateurs|commerciaux|agents|analystes|salaries|service|personnes|le monde|travail|nous)(?![a-z'])";

/** French lexicon, over folded text (accents stripped: "supplementaires", "resilier"). */
export const frenchLexicon: Lexicon = {
  budget_cut: {
    triggers:
      'coupe coupes reduction reductions restriction restrictions gel baisse reduire baisser diminuer couper geler reduisons baissons diminuons moins_de recrutements embauches suspendu suspendus gele geles arrete',
    cues: [
      '(?:coupes?|reductions?|restrictions?|gel|baisse) (?:budgetaires?|du budget|de budget|des budgets|des depenses|des couts)',
      '(?:reduire|baisser|diminuer|couper|geler|reduisons|baissons) (?:le |notre |nos |les |leur |leurs )?(?:budgets?|depenses|couts)',
      'gel des (?:embauches|recrutements)',
      // « les recrutements sont suspendus », « nous avons arrêté les embauches »
      '(?:recrutements|embauches) (?:sont )?(?:geles|suspendus|en pause|arretes)',
      '(?:suspendu|gele|arrete) (?:les |nos |tous les |toutes les )?(?:recrutements|embauches)',
      'reduction (?:des )?couts',
      `(?:reduire|diminuer|baisser|reduisons|diminuons) (?:le nombre de |nos |les )?${SEATS}`,
      `moins de ${SEATS}`,
    ],
  },
  churn_threat: {
    triggers: 'resili* renouv* mettre_fin arreter quitter abandonner',
    cues: [
      'resili\\w*',
      '(?:ne pas|pas) renouvel\\w*',
      'ne (?:renouvellerons|renouvelerons|renouvellera|renouvelons|renouvellerions) pas',
      'non[- ]renouvellement',
      '(?:mettre fin|arreter) (?:a|au|le) (?:contrat|abonnement)',
      '(?:quitter|abandonner) (?:votre|la|cette) (?:plateforme|solution|outil)',
    ],
  },
  champion_leaving_mentioned: {
    triggers: [
      'quitte quitter partir dernier_jour demission* depart fera retraite',
      wordPairs('nouveau nouvel nouvelle', 'poste job emploi'),
    ].join(' '),
    cues: [
      "quitte (?:l'entreprise|la societe|le groupe|ses fonctions|son poste|nous)",
      '(?:va|vais|allons) (?:quitter|partir)',
      '(?:son|mon|leur) dernier jour',
      'dernier jour (?:chez|dans|a)',
      '(?:a|ai) demissionne',
      'demission\\w*',
      "depart (?:de|d')",
      '(?:nouveau|nouvelle) (?:poste|job|emploi) (?:chez|ailleurs)',
      'ne fera plus partie',
      'part (?:a la|en) retraite',
    ],
  },
  // le client refuse de grandir maintenant : « pas besoin de licences supplémentaires », « nous ne prévoyons pas d'ajouter »
  expansion_declined: {
    triggers:
      'besoin prevu intention souhaitons prevoyons comptons envisageons voulons interesse interesses interessee interessees',
    cues: [
      "pas (?:besoin|prevu|l'intention) (?:de |d')(?:plus de |nouvelles |nouveaux |d'autres )?(?:licences|sieges|postes|comptes|acces|upgrade|monter|passer|ajouter|augmenter|etendre|grandir|recruter|embaucher)",
      "(?:ne |n')(?:souhaitons|prevoyons|comptons|envisageons|voulons) pas (?:d')?(?:ajouter|augmenter|etendre|passer|monter|grandir|recruter|embaucher|evoluer)",
      "pas interesse\\w* par (?:un |une |l'|le |la |les |plus de )?(?:upgrade|montee|passage|licences|module|offre)",
    ],
  },
  dissatisfaction: {
    triggers: [
      'mecontent* decu decue decus decues deception insatisf* frustr* agace* enerv* furieux furieuse',
      'satisfait satisfaits satisfaite satisfaites',
      wordPairs(
        'pas tout tres vraiment',
        'content contents contente contentes convaincu convaincus ravi ravie ravis',
      ),
      'plainte plaintes plaindre reclamation reclamations inacceptable fonctionne fonctionnent',
      wordPairs('marche marchent', 'pas plus toujours'),
      wordPairs('trop', 'cher chere lent lente complique compliquee bugge'),
      'bug bugs panne pannes probleme problemes incident incidents mauvais mauvaise deplorable catastrophique',
      'decevant decevante',
      'plante plantent echoue echouent bloqu* hors_service synchronise',
    ].join(' '),
    cues: [
      '(?:mecontent|decu|decue|decus|decues|deception|insatisf|frustr|agace|enerve|furieux|furieuse)\\w*',
      "(?:(?:ne (?:sommes|suis|sont|semble|semblent|sera|serons|serait|serions)|n'(?:est|etait|etions|etaient|etes)) )?pas (?:du tout |tres |vraiment )?(?:satisfait|content|convaincu|ravi)e?s?",
      '(?:plainte|plaintes|nous plaindre|se plaindre|reclamation\\w*)',
      'inacceptable',
      "(?:ne |n')?(?:fonctionne|marche|fonctionnent|marchent) (?:pas|plus|toujours pas)",
      '(?:beaucoup |bien )?trop (?:cher|chere|lent|lente|complique|compliquee|bugge)',
      '(?:bugs?|pannes?|problemes?|incidents?) (?:recurrent|constant|a repetition|en boucle)\\w*',
      '(?:mauvais|mauvaise|tres mauvais|tres mauvaise) (?:service|support|experience|qualite)',
      '(?:service|support) (?:deplorable|catastrophique|decevant)',
      // une panne qui dure : « la synchro échoue depuis une semaine », « en panne depuis lundi »
      '(?:en panne|plante|plantent|echoue|echouent|bugge|buggee|hors service|ne se synchronise (?:plus|pas)|inutilisable|inaccessible)(?: encore)? depuis',
      // une panne qui bloque des personnes : « …échoue, ce qui bloque toute l'équipe »
      `(?:panne|plante|plantage|echec|echoue|echouent|bug|bugs|erreur|erreurs|probleme|problemes|incident|ne fonctionne|ne marche)[^.!?]{0,60}? bloqu\\w* (?:${PEOPLE_OBJECT})`,
      `(?:${PEOPLE_OBJECT}) (?:est|sont|etait|etaient|a ete|ont ete|reste|restent) (?:completement |totalement |encore )?bloque\\w*[^.!?]{0,40}?(?:panne|plante|plantage|echec|echoue|bug|erreur|probleme|incident|fonctionne pas|marche pas)`,
    ],
  },
  plan_limit_question: {
    triggers: [
      wordPairs('quelle quel', 'offre formule plan forfait edition abonnement version'),
      'limite limites quota quotas plafond maximum depassement depassements combien inclus_dans compris_dans',
    ].join(' '),
    cues: [
      `(?:quelle|quel) ${OFFER}`,
      `${LIMIT} (?:de|d'|du|des|sur|par)`,
      `(?:atteint|atteindre|atteignons|depasse\\w*|depasser|proche de|pres de|au-dessus de?) (?:la |le |notre |nos |votre |vos )?${LIMIT}`,
      'depassement\\w*',
      `combien (?:de |d')?${SEATS}`,
      `(?:inclus|compris) dans (?:notre |l'|la |le |votre )?${OFFER}`,
    ],
  },
  buying_intent: {
    triggers: [
      'licence licences siege sieges utilisateur utilisateurs supplementaire supplementaires additionnel',
      'additionnels additionnelle additionnelles ajouter rajouter acheter commander ajoutons davantage devis',
      'proposition_commerciale proposition_tarifaire grille_tarifaire mise_a montee_en upgrade etendre elargir',
      'augmenter developper passer combien',
      wordPairs(PEOPLE, 'de supplementaires'),
      wordPairs('de d des autres', 'comptes postes acces'),
      wordPairs('comptes postes acces', 'en'),
      wordPairs(
        'offre formule plan forfait edition abonnement version',
        'superieure superieur business enterprise entreprise premium pro',
      ),
    ].join(' '),
    cues: [
      `${SEATS} (?:supplementaires?|additionnel\\w*|en plus)`,
      `(?:plus|davantage|d'autres) (?:de |d')?${SEATS}`,
      `(?:ajouter|rajouter|acheter|commander|prendre|ajoutons) (?:\\d+ |quelques |des |plus de |de nouvelles |de nouveaux |d'autres )?${SEATS}`,
      '(?:un |une |le |votre )?(?:devis|proposition (?:commerciale|tarifaire)|grille tarifaire)',
      `(?:passer|monter|migrer) (?:a|vers|sur) (?:l'|la |le )?${OFFER} (?:superieure?|business|enterprise|entreprise|premium|pro)`,
      '(?:mise a niveau|montee en gamme|upgrade)',
      // un prix demandé : « combien coûterait le module Analytics ? »
      "combien (?:[a-z'-]+ ){0,4}(?:couterait|couteraient|coute|coutent|couterai)",
      "(?:etendre|elargir|augmenter|developper) (?:notre |le |l'|nos )?(?:contrat|abonnement|usage|utilisation|deploiement|engagement|nombre de licences|licences)",
      // un besoin chiffré : « 25 personnes de plus », « passer à 80 licences »
      `\\d+ (?:${PEOPLE.replaceAll(' ', '|')}) (?:de plus|supplementaires|en plus)`,
      `(?:passer|monter|aller) a \\d+ ${SEATS}`,
    ],
  },
  new_need: {
    triggers: 'nouveau nouveaux autre autres deuxieme second seconde',
    cues: [
      "(?:nouveau|nouveaux) (?:projets?|cas d'usage|cas d'utilisation|besoins?|use cases?)",
      "(?:autre|autres|deuxieme|second|seconde) cas d'usage",
    ],
  },
  growth_event: {
    triggers: [
      'rachat rachete rachetee racheter acquisition acquerir',
      'fusion fusionner ouverture ouvrir ouvrons international internationale implanter implantation',
      'bourse',
    ].join(' '),
    cues: [
      '(?:rachat|rachete|rachetee|racheter|acquisition|acquerir|fusion|fusionner)',
      "(?:ouverture|ouvrir|ouvrons) (?:d'un |d'une |un |une |de |des |notre |nos )?(?:nouveau |nouvelle |nouveaux )?(?:bureau|bureaux|filiale|filiales|agence|agences|site|sites)",
      "(?:expansion|developpement|deploiement) (?:a l'|a |en |vers l')?international",
      "(?:s'implanter|implantation|nous implanter) (?:en|au|aux|a)",
      'introduction en bourse',
    ],
  },
};
