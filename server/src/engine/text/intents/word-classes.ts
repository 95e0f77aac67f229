// The word classes of the intent grammar, English and French side by side. Each word is reduced by the
// normaliser (stems or lemmas) when the grammar is compiled, so a class lists a word once, not its
// inflections: "hire" covers hired, hiring, hires; "recruter" covers recrutons, recruté, recrutement.
// Irregular forms the normaliser cannot reduce are listed beside their base ("grew grown").

export const wordClasses = {
  // --- who
  WE: 'we us our ours nous notre nos',
  // Someone else than the customer, when it stands before the verb: "one of our clients raised…".
  OTHER_PARTY:
    'client clients customer customers partner partners partenaire partenaires friend friends ami amie amis frere soeur sour brother sister colleague collegue vendor vendors supplier suppliers fournisseur fournisseurs prestataire prestataires distributor distributeur agency agence competitor competitors concurrent concurrents rival rivals',
  // --- what moves
  UNIT: 'team teams department departments dept division divisions office offices site sites branch branches subsidiary subsidiaries entity entities group groups org organisation organization unit units hub hubs region regions affiliate desk function equipe equipes service services departement departements direction pole filiale filiales agence agences bureau bureaux entite entites siege',
  FUNCTION:
    'support success sales marketing finance legal hr procurement operations ops compliance engineering product design data it accounting purchasing achats juridique rh produit compta comptabilite informatique',
  HEADCOUNT: 'headcount workforce staff employees personnel effectif effectifs team equipe equipes org',
  // Human nouns: hired, added, cut. Seats and users are SEATS: asking for them is buying, not hiring.
  STAFF:
    'people persons person heads head fte ftes employees employee staff reps rep engineers engineer developers developer devs analysts analyst salespeople sdrs sdr bdrs csms csm managers manager agents agent consultants consultant contractors contractor recruiters recruiter designers joiners joiner starters starter newcomers members personnes personne postes poste collaborateurs collaborateur salaries salarie commerciaux commercial developpeurs developpeur consultants ingenieurs ingenieur arrivants arrivant arrivees embauches recrues profils profil techniciens vendeurs roles role positions',
  SEATS:
    'users user seats seat licences licence licenses license accounts account logins utilisateurs utilisateur comptes compte acces sieges siege',
  NEWCOMER:
    'joiners joiner starters starter hires newcomers recruits arrivants arrivant arrivees recrues embauches',
  ROLE: 'role roles position positions job jobs poste postes emploi emplois req reqs vacancy vacancies opening openings',
  NEW: 'new nouveau nouveaux nouvelle nouvelles nouvel additional extra another supplementaires',
  PRODUCT:
    'platform tool product solution workspace instance rollout roll-out deployment project projet licence license contract subscription software app system it this plateforme outil produit logiciel deploiement licence contrat abonnement espace usage use utilisation acces',
  ACCESS: 'access acces',
  ARRIVE: 'join joined start started arrive arrived begin began rejoindre rejoint arriver commencer',
  SETUP: 'set setting',
  ADJ_STATE:
    'tired frustrated impatient weary used accustomed unhappy bored concerned worried comfortable familiar fond confident wary',
  NON_PRODUCT_DESTINATION:
    'list lists mailing distribution loop thread channel call meeting invite email cc newsletter liste diffusion reunion boucle invitation',
  DOC_OBJECT:
    'folder folders hierarchy pipeline stages stage dashboard dashboards tableaux tableau rapports rapport reports report data fields field pages page files drive menus menu layout navigation dossiers dossier fichiers donnees champs categories',
  // --- verbs and nouns of each intent
  ONBOARD:
    'onboard onboarded onboarding bring brought add include integrate welcome embarquer integrer integration ajouter inclure accueillir enroll',
  SPREAD:
    'extend extension expand expansion roll rollout deploy deployment open generalise generalize spread etendre extension elargir deployer deploiement ouvrir generaliser',
  JOIN: 'join joined come came move migrate switch transition rejoindre rejoint passer basculer migrer arriver',
  USE: 'use using start begin utiliser commencer',
  WANT: 'want wants need needs ask asked like request require vouloir voudrait souhaiter souhaite aimer aimerait besoin demander',
  LIVE: 'live',
  HIRE: 'hire hired hiring recruit recruiting recruitment recruited employ staff recruter recrutement recrutements embaucher embauche embauches embauchons recrutons',
  ADD_PEOPLE:
    'add added take took taken bring brought onboard onboarded welcome welcomed integrer accueillir ajouter',
  HIRE_COMPOUND:
    'manager managers process module tab tool tools team page workflow pipeline platform software agency agencies portal form forms freeze frozen site event events fair committee',
  GROW: 'grow growth grew grown growing double doubled triple tripled increase expand swell grandir doubler tripler augmenter croitre agrandir hausse',
  REACH: 'reach hit atteindre',
  GO: 'go went gone going pass passer',
  FUND_NOUN:
    'funding fundraise fundraising round series seed investment investments financing capital equity levee fonds financement tour serie',
  FUND_VERB:
    'raise raised close closed secure secured complete completed announce announced land landed sign signed get got obtain obtained receive received finalise finalize done bag lever leve boucler finaliser securiser obtenir realiser annoncer conclure',
  MONEY_UNIT: 'm mn million millions billion bn b k eur euros euro usd dollars dollar gbp',
  EVALUATE:
    'evaluate evaluating assess compare benchmark consider look review explore shortlist trial pilot test weigh examine scout investigate etudier comparer regarder evaluer consulter tester benchmarker examiner chercher',
  ALTERNATIVE: 'alternative alternatives option options',
  VENDOR:
    'vendor vendors tool tools solution solutions provider providers platform platforms product products supplier suppliers offer offers editeur editeurs fournisseur fournisseurs prestataire prestataires outil outils offre offres logiciel logiciels',
  OTHER: 'other another others cheaper different autre autres moins',
  COMPETITOR:
    'competitor competitors competing concurrentiel concurrentielle concurrent concurrents concurrente concurrentes concurrence',
  TENDER: 'rfp rfi rfq tender tenders appel consultation',
  DEMO: 'demo demos demonstration demonstrations trial poc',
  SWITCH: 'switch switching move replace migrate changer remplacer quitter',
  // Fewer tools: "we are consolidating tools", « nous rationalisons nos outils »
  CONSOLIDATE:
    'consolidate consolidating consolidation rationalise rationalize rationalising rationalizing rationalisation rationalization streamline streamlining consolider consolidation rationaliser rationalisation mutualiser regrouper',
  // A tool let go: "yours may be one we drop", « abandonner votre outil »
  DROP: 'drop dropped dropping ditch ditched remove removed sunset retire retired decommission phase discontinue get rid abandon abandonner supprimer retirer arreter debrancher',
  RESTRUCTURE:
    'restructuring restructure restructured reorganisation reorganization reorganise reorganize reorg downsizing downsize downsized restructuration reorganiser restructurer',
  LAYOFF:
    'layoff layoffs redundancy redundancies licenciement licenciements =licencier =licencie =licencies =licencions =licencient',
  CUT: 'cut cuts cutting slash reduce reduced reducing reduction shrink shrinking shrank trim eliminate eliminated reduire reduction reduisons reduisent diminuer supprimer suppression suppressions supprime supprimes baisser baisse diminution',
  CLOSE_DOWN: 'close closing shut fermer ferment fermeture',
  DOWN: 'down baisser baisse diminuer reduire',
  LET: 'let letting',
  // --- scope
  NEGATION:
    'not no never none nobody nothing without nor neither ne pas aucun aucune jamais rien sans ni nullement',
  // a stop before the intent negates it too: "we've stopped hiring", "nous avons suspendu les recrutements"
  HALT: 'stopped stopping paused pausing halted halting suspended suspending ceased froze freezing arrete arretons suspendu suspendus suspendons',
  POST_NEGATION:
    'cancelled canceled called off abandoned abandonne abandonnee annule annulee scrapped shelved frozen freeze gel',
  HEDGE_MODAL:
    'might may could possibly perhaps maybe potentially possible pourrait pourrions pourraient pourrais eventuellement peut-etre possible',
  UNCERTAIN: 'unsure uncertain unclear whether if unless depending selon si',
  FUTURE:
    "will 'll shall going plan plans planned planning expect expects expected intend intends aim set want wants looking next upcoming prochain prochaine prochains prevoir prevoyons prevoient prevoit prevu prevus prevue prevues va vont allons vais souhaiter attendus attendues attendu",
  AUX_HAVE: "have has had 've avons avez ont ai as a avait avions avaient sommes sont est suis ete",
  RECENT: 'since depuis ago last past recent recently just lately dernier derniers derniere',
  BEFORE_RENEWAL: 'renewal renew renewing renouvellement renouveler echeance',
} as const satisfies Record<string, string>;

export type WordClass = keyof typeof wordClasses;
