// Modèles de messages en français (France, Belgique, Québec). Mêmes clés et mêmes emplacements `{slot}`
// que les modèles anglais.
import type { TemplateKey, TemplateSet } from './message-templates.ts';

export const frenchTemplates: Record<TemplateKey, TemplateSet> = {
  buying_seats: {
    subjects: ['Licences supplémentaires', 'Ajout de licences', 'Équipe {team}', 'Question sur les licences'],
    bodies: [
      "Nous intégrons l'équipe de {city} le mois prochain : comment ajouter {seats} licences ?",
      'Toutes nos licences sont utilisées. Pouvez-vous nous envoyer un devis pour {seats} licences supplémentaires ?',
      "L'équipe {team} veut y avoir accès. Combien coûteraient {seats} utilisateurs de plus ?",
      "Il nous faudra environ {seats} accès en plus d'ici {month}. Peut-on les ajouter en cours de contrat ?",
      'Plusieurs personnes partagent déjà un compte, il faut parler de {seats} licences en plus.',
      'Pouvez-vous préparer un bon de commande pour {seats} licences ? Nous aimerions signer avant {month}.',
    ],
  },
  buying_tier: {
    subjects: ['Passage à {tier}', 'Offre {tier}', 'Tarifs {tier}'],
    bodies: [
      "Pouvez-vous nous faire une proposition pour passer à l'offre {tier} ?",
      'Nous avons régulièrement besoin de {feature}. Que faut-il pour passer en {tier} ?',
      "Notre RSSI demande le journal d'audit, nous regardons donc l'offre {tier}. Quel serait le tarif ?",
      'Nous souhaitons monter en gamme vers {tier} : quelle différence de prix pour {seats_total} utilisateurs ?',
      "Est-il possible d'essayer {tier} avant de nous engager ?",
    ],
  },
  buying_module: {
    subjects: ['Module {module}', 'Intérêt pour {module}', 'Question sur {module}'],
    bodies: [
      "Nous testons {module} et l'équipe est conquise. Comment l'ajouter à notre contrat ?",
      "Pourriez-vous nous transmettre les tarifs du module {module} pour l'équipe {team} ?",
      'Nous aimerions déployer {module} à tout le monde, pouvez-vous nous envoyer un devis ?',
      'Le pilote {module} est concluant. Quelles sont les prochaines étapes pour le souscrire ?',
      "Peut-on ajouter {module} en cours d'année ? L'équipe {team} a un nouveau besoin.",
    ],
  },
  buying_commit: {
    subjects: ['Consommation au-dessus de notre engagement', 'Augmenter notre engagement', 'Dépassements'],
    bodies: [
      'Nous dépassons chaque mois notre volume engagé. Peut-on relever notre engagement pour un meilleur tarif ?',
      "Notre consommation d'API augmente avec {project}. Pouvez-vous proposer un engagement annuel plus élevé ?",
      'Nous préférons nous engager sur plus de volume plutôt que de payer des dépassements.',
      "La consommation a augmenté d'environ {percent} % depuis {month}. Faut-il revoir notre engagement ?",
    ],
  },
  plan_limit: {
    subjects: ['Limites de notre offre', 'Nombre de licences maximum', 'Question sur notre abonnement'],
    bodies: [
      "Quel est le nombre maximum d'utilisateurs sur notre offre actuelle ?",
      "Nous avons reçu une alerte : nous approchons de la limite de licences. Que se passe-t-il quand on l'atteint ?",
      'Notre abonnement inclut-il {feature}, ou est-ce réservé à {tier} ?',
      "Y a-t-il un plafond d'appels API par mois dans notre contrat ?",
      "Jusqu'à combien d'utilisateurs pouvons-nous aller avant de changer d'offre ?",
    ],
  },
  new_team: {
    subjects: ['Nouvelle équipe', 'Déploiement {team}', 'Ouverture à {city}'],
    bodies: [
      "Nous créons une équipe {team} à {city} et elle aura besoin d'accès.",
      'Le service {team} souhaite utiliser la plateforme pour ses revues de pipeline.',
      "Nous ouvrons un bureau à {city} en {month} ; l'équipe utilisera l'outil dès le premier jour.",
      "Pour info : l'équipe {team} rejoint le déploiement le trimestre prochain.",
    ],
  },
  new_use_case: {
    subjects: ["Nouveau cas d'usage", 'Idée pour {team}', 'Un autre usage de la plateforme'],
    bodies: [
      'Nous aimerions aussi utiliser la plateforme pour {project}, pouvons-nous en parler ?',
      "L'équipe {team} a un nouveau besoin : suivre les renouvellements par région. Est-ce faisable chez vous ?",
      'Nous étudions la prévision des ventes pour {team} ; votre produit le couvre-t-il ?',
      'Au-delà des ventes, nous voudrions gérer nos partenaires dans l’outil. Qui pourrait nous faire une démo ?',
    ],
  },
  hiring: {
    subjects: ['Recrutements', "Croissance de l'équipe", 'Nouvelles recrues'],
    bodies: [
      'Nous recrutons {headcount} personnes dans l’équipe {team} ce semestre, il leur faudra des comptes.',
      'Grosse vague de recrutement : {headcount} nouveaux commerciaux arrivent en {month}.',
      "Les effectifs de l'équipe {team} doublent cette année, attendez-vous à plus d'utilisateurs.",
    ],
  },
  funding: {
    subjects: ['Bonne nouvelle', 'Levée de fonds', 'Notre {round} est bouclée'],
    bodies: [
      'Nous venons de boucler notre levée de fonds ({round}) et investissons dans les équipes commerciales.',
      'La levée est faite : nous avons le budget pour passer à l’échelle.',
      'En avant-première : nous avons levé des fonds, les plans de croissance démarrent en {month}.',
    ],
  },
  acquisition: {
    subjects: ['Rachat', "Intégration d'une nouvelle société", 'Fusion'],
    bodies: [
      "Nous avons racheté une société d'environ {headcount} personnes et voulons les intégrer à la plateforme.",
      'Suite au rachat, la nouvelle entité de {city} va passer sur nos outils.',
      'La fusion est finalisée ; leur équipe commerciale ({headcount} personnes) nous rejoint en {month}.',
    ],
  },
  international: {
    subjects: ["Développement à l'international", 'Lancement en {country}', 'Nouveau marché'],
    bodies: [
      "Nous nous lançons sur {country} le trimestre prochain et l'équipe locale utilisera le produit.",
      "L'ouverture vers {country} est confirmée, il faut prévoir les accès pour le nouveau bureau.",
      "Nous démarrons {country} en {month}. Proposez-vous l'hébergement des données en local ?",
    ],
  },
  new_project: {
    subjects: ['Nouveau projet', '{project}', 'Lancement'],
    bodies: [
      'Nous lançons {project} et voulons que la plateforme soit au cœur du dispositif.',
      '{project} démarre en {month} ; davantage de personnes travailleront dans l’outil.',
      'La direction a validé {project}. Il nous faudra plus de capacité.',
    ],
  },
  negation_seats: {
    subjects: ['RE : licences', 'RE : votre proposition', 'RE : point mensuel'],
    bodies: [
      "Nous n'avons pas besoin de licences supplémentaires pour l'instant.",
      "Merci, mais nous n'ajouterons pas d'utilisateurs cette année.",
      "Pas besoin d'accès en plus, l'équipe ne grandit pas cette année.",
      'Nous ne cherchons pas à étendre le contrat pour le moment ; gardons-le tel quel.',
      "Nous n'avons pas besoin du module {module}, notre configuration actuelle suffit.",
    ],
  },
  negation_upgrade: {
    subjects: ['RE : {tier}', "RE : changement d'offre"],
    bodies: [
      "Nous ne souhaitons pas passer à l'offre {tier} pour le moment.",
      "Pas de changement d'offre prévu cette année, les fonctionnalités actuelles nous suffisent.",
      "Une montée en gamme n'est pas envisageable avant le budget de l'an prochain.",
    ],
  },
  postponed: {
    subjects: ['RE : prochaines étapes', 'Point sur nos projets', 'En attente'],
    bodies: [
      "{project} est mis en pause, nous n'aurons finalement pas besoin de capacité supplémentaire.",
      "Le déploiement à l'équipe {team} est reporté jusqu'à nouvel ordre.",
      'Nous avons décidé d’attendre : le budget a été décalé à l’an prochain.',
      "L'ouverture du bureau de {city} est retardée, reparlons-en dans quelques mois.",
    ],
  },
  dissatisfaction: {
    subjects: ['Mécontentement', 'Encore des problèmes', 'Qualité de service', 'Escalade'],
    bodies: [
      'Très honnêtement, nous sommes déçus : la synchronisation a échoué trois fois ce mois-ci.',
      "L'équipe n'est pas satisfaite des performances, les rapports mettent des minutes à charger.",
      "C'est la deuxième panne en quelques semaines. Nous attendions mieux.",
      "Nos tickets restent ouverts pendant des jours, ce n'est pas acceptable.",
      "L'adoption souffre : les équipes trouvent l'outil lent et peu intuitif.",
    ],
  },
  budget_cut: {
    subjects: ['Revue budgétaire', 'Réduction des coûts', 'Budget'],
    bodies: [
      'La direction financière réduit les budgets logiciels de {percent} % cette année.',
      'Gel des embauches et revue budgétaire : chaque outil est remis en question.',
      'Notre budget outils a été réduit, nous devrons supprimer des licences au renouvellement.',
      "Plan d'économies en cours : merci de nous envoyer le rapport d'utilisation pour ajuster.",
    ],
  },
  churn_threat: {
    subjects: ['Renouvellement', 'Étude des alternatives', 'Contrat'],
    bodies: [
      'Nous évaluons {competitor} et pourrions ne pas renouveler.',
      'Sans amélioration rapide, nous passerons chez {competitor} à la fin du contrat.',
      'Considérez ce message comme un préavis : nous étudions des alternatives avant le renouvellement.',
      '{competitor} nous a fait une offre difficile à ignorer. Que pouvez-vous proposer ?',
    ],
  },
  champion_leaving: {
    subjects: ['Départ', 'Passation', 'Changement d’interlocuteur'],
    bodies: [
      '{name} quitte l’entreprise à la fin du mois.',
      'Petite info : {name} a démissionné, merci de tout m’adresser en attendant.',
      '{name} quitte {company} dans deux semaines ; {name_next} prendra le relais.',
      "Le dernier jour de {name} est vendredi. Nous n'avons pas encore de remplaçant.",
    ],
  },
  sponsor_meeting: {
    subjects: [
      'Revue de direction',
      'Revue trimestrielle',
      'Atelier feuille de route',
      'Point avec {sponsor}',
    ],
    bodies: [
      "Revue trimestrielle avec {sponsor} : satisfaite de l'adoption, veut parler du déploiement à l'équipe {team}.",
      "Rencontre avec {sponsor} pour faire le bilan ; fort intérêt pour étendre l'usage à toute l'entreprise.",
      'Atelier feuille de route avec {sponsor} et l’équipe projet, très bonne dynamique, suite planifiée.',
      "Appel sponsor : {sponsor} demande un plan couvrant l'équipe {team} et le site de {city}.",
    ],
  },
  stakeholder_intro: {
    subjects: ['Présentation', 'Notre nouveau {role_title}', 'Appel de présentation'],
    bodies: [
      'Appel de présentation avec {name}, arrivé(e) comme {role_title} ; veut comprendre les coûts et le plan de déploiement.',
      'Je vous présente {name}, notre nouveau/nouvelle {role_title}. {name_first} portera le budget de la plateforme.',
      '{name} ({role_title}) a rejoint l’appel aujourd’hui et demande une synthèse du contrat.',
    ],
  },
  noise_scheduling: {
    subjects: ['Point', 'Report', 'Réunion la semaine prochaine', 'Agenda'],
    bodies: [
      'Pouvons-nous décaler notre appel à jeudi 15 h ?',
      "Je vous envoie l'invitation pour notre point mensuel.",
      'Désolé, j’ai un empêchement demain, pouvons-nous voir la semaine prochaine ?',
      'Je confirme notre réunion de mardi. À bientôt !',
    ],
  },
  noise_invoice: {
    subjects: ['Facture', 'Numéro de bon de commande', 'Question de facturation'],
    bodies: [
      'Pourriez-vous renvoyer la dernière facture avec notre numéro de bon de commande ?',
      "L'adresse de notre service comptable a changé, merci de la mettre à jour.",
      'La facture a été réglée, merci pour votre patience.',
      'Pouvez-vous confirmer le numéro de TVA sur la facture ?',
    ],
  },
  noise_thanks: {
    subjects: ['Merci', 'RE : suivi', 'Super session'],
    bodies: [
      "Merci pour l'aide d'hier, tout est réglé.",
      "Très bonne session, l'équipe l'a trouvée utile.",
      'Merci pour la réponse rapide !',
      'Merci, cela nous convient.',
    ],
  },
  noise_support: {
    subjects: ['Comment faire…', 'Question export', 'Mot de passe', "Paramétrage de l'intégration"],
    bodies: [
      'Comment exporter le tableau de bord en CSV ?',
      "Un de nos utilisateurs n'arrive pas à réinitialiser son mot de passe, pouvez-vous vérifier ?",
      "Où configure-t-on le mapping de l'intégration Salesforce ?",
      'Peut-on modifier des enregistrements en masse depuis la vue liste ?',
    ],
  },
  noise_training: {
    subjects: ['Formation', "Session d'onboarding", 'Webinaire'],
    bodies: [
      'Pourriez-vous organiser une formation de rappel pour les nouveaux arrivants ?',
      "Merci pour le webinaire d'onboarding, l'enregistrement serait très utile.",
      'Nous préparons une journée de formation interne, avez-vous des supports à partager ?',
    ],
  },
  noise_renewal: {
    subjects: ['Renouvellement à venir', 'Documents de renouvellement', 'Renouvellement du contrat'],
    bodies: [
      'Votre contrat arrive à échéance le {renewal}. Dites-nous si quelque chose change.',
      'Merci d’envoyer le devis de renouvellement au service achats.',
      'Rappel : le contrat se renouvelle le {renewal} ; les documents arrivent.',
    ],
  },
  noise_checkin: {
    subjects: ['Point mensuel', 'Suivi', 'Revue du compte'],
    bodies: [
      'Point mensuel : rien de particulier, usage stable, quelques questions sur les fonctionnalités.',
      "Point rapide avec l'administrateur ; aucun sujet ouvert.",
      'Revue du compte faite, prochain appel dans un mois.',
      'Envoi des notes de version ; ils vont regarder les nouveaux rapports.',
    ],
  },
};
