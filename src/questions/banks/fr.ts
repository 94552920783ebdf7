/** French (vouvoiement). */
import type { TouchType } from '../facts.ts';
import { plural, relative, type QuestionBank } from './bank.ts';

const ago = (n: number) => relative(n, 'aujourd’hui', 'hier', 'il y a # jours');
const inDays = (n: number) => relative(n, 'aujourd’hui', 'demain', 'dans # jours');
const days = (n: number) => plural(n, '1 jour', '# jours');
const times = (n: number) => plural(n, 'une fois', '# fois');
const tickets = (n: number) => plural(n, '1 ticket de support ouvert', '# tickets de support ouverts');
const TOUCH: Record<TouchType, string> = { EMAIL: 'e-mail', CALL: 'appel', MEETING: 'rendez-vous' };

export const fr: QuestionBank = {
  locale: 'fr',
  unnamedClient: '« client sans nom »',
  headlines: {
    'headline.ticket': (p) => `Avant de reprendre contact avec ${p.name} : comment vivent-ils ${plural(p.count, 'leur ticket ouvert', 'leurs # tickets ouverts')} de leur côté ?`,
    'headline.renewal': (p) => `Avant de parler renouvellement avec ${p.name} : comment s’est passée cette dernière année pour eux ?`,
    'headline.fresh-lead': (p) => `Avant de contacter ${p.name} : qu’est-ce qui les a poussés à se manifester ${ago(p.days)} ?`,
    'headline.unanswered': (p) => `Avant de relancer ${p.name} après ${plural(p.attempts, 'un message resté sans réponse', '# messages restés sans réponse')} : qu’est-ce qui rendrait le prochain utile pour eux ?`,
    'headline.since-reply': (p) => `Avant de relancer ${p.name} : qu’est-ce qui a changé pour eux depuis leur dernière réponse, ${ago(p.days)} ?`,
    'headline.since-touch': (p) => `Avant de relancer ${p.name} : qu’est-ce qui a changé pour eux depuis votre dernier ${TOUCH[p.touch]}, ${ago(p.days)} ?`,
    'headline.default': (p) => `Avant d’accomplir cette tâche : qu’est-ce qui rendrait la prochaine étape vraiment utile pour ${p.name} ?`,
  },
  questions: {
    'urgency.quarter-end': (p) => `La date de clôture avec ${p.name} est ${inDays(p.days)} et le trimestre se termine ${inDays(p.quarterDays)}. Cette relance suit-elle votre calendrier ou le leur ?`,
    'urgency.pushed': (p) => `La date de clôture avec ${p.name} a déjà été repoussée ${times(p.count)}. Que vous dit-elle de leur propre calendrier ?`,
    'urgency.stage-pace': (p) => `L’affaire avec ${p.name} est à l’étape « ${p.stage} » depuis ${days(p.days)} ; la médiane de votre pipeline y est de ${days(p.median)}. Quel rythme cette relance suit-elle : le vôtre ou le leur ?`,
    'dark.attempts': (p) => `${p.name} a répondu pour la dernière fois ${ago(p.days)}, et vous les avez relancés ${times(p.attempts)} depuis. Que pourrait vous dire ce silence ?`,
    'dark.never-replied': (p) => `${p.name} n’a encore répondu à ${plural(p.attempts, 'votre message', 'aucun de vos # messages')}. Qu’est-ce qui rendrait un échange utile pour eux ?`,
    'dark.silence': (p) => `Cela fait ${days(p.days)} que ${p.name} n’a pas répondu. Qu’est-ce qui a pu changer de leur côté entre-temps ?`,
    'scenes.stage': (p) => `${p.name} est à l’étape « ${p.stage} » depuis ${days(p.days)}. Que se passe-t-il peut-être en coulisses (budget, personnes, priorités) que cette étape ne montre pas ?`,
    'scenes.role': (p) => `Qu’est-ce qui occupe ${p.person} en tant que ${p.title} chez ${p.company} ce trimestre, et que vous n’avez pas encore demandé ?`,
    'scenes.size': (p) => `Qu’est-ce qui façonne cette année pour une entreprise de ${p.employees} personnes (${p.industry}) comme ${p.name}, au-delà de cette affaire ?`,
    'scenes.unknown': (p) => `Que se passe-t-il ce trimestre dans l’activité de ${p.name} que le CRM ne vous montre pas ?`,
    'peers.stalled': (p) => `${p.count} autres clients du secteur ${p.industry} sont eux aussi à l’étape « ${p.stage} ». Qu’ont-ils en commun avec ${p.name}, et qu’est-ce que cela suggère ?`,
    'peers.theme': (p) => `${p.count} autres clients du secteur ${p.industry} ont aussi ouvert des tickets sur ${p.theme}. Y a-t-il là une tendance à aborder avec ${p.name} ?`,
    'experts.ticket-owner': (p) => `${p.person} suit les tickets de support de ${p.name}. Que pourrait-il ou elle vous apprendre sur la situation avant votre prise de contact ?`,
    'experts.colleague': (p) => `${p.person} travaille aussi avec ${p.name}. Que sait cette personne de ce client que vous ignorez ?`,
    'experts.unknown': (p) => `Qui d’autre dans votre entreprise a parlé récemment avec ${p.name}, et qu’a-t-il ou elle entendu ?`,
    'long-term.renewal': (p) => `Qu’est-ce qui rendrait l’année prochaine vraiment meilleure pour ${p.name}, au-delà d’un simple renouvellement ?`,
    'long-term.customer': (p) => `Où voulez-vous que votre relation avec ${p.name} en soit dans un an, et cette relance vous en rapproche-t-elle ?`,
    'long-term.unknown': (p) => `À quoi ressemblerait une bonne année pour ${p.name}, de leur point de vue ?`,
    'service.high': (p) => `${p.name} a ${tickets(p.count)}, dont ${p.high} en priorité haute. Qui, dans l’équipe support, pourrait vous dire où en sont les choses avant votre appel ?`,
    'service.open': (p) => `${p.name} a ${tickets(p.count)} ; ${plural(p.count, 'il est', 'l’un est')} ouvert depuis ${days(p.days)}. Comment cela pourrait-il colorer votre prochain échange ?`,
    'calm.fresh-lead': (p) => `${p.name} est devenu un lead ${ago(p.days)}. Qu’est-ce qui les a poussés à se manifester, et qu’est-ce qui leur serait utile aujourd’hui ?`,
    'calm.last-touch': (p) => `Votre dernier ${TOUCH[p.touch]} avec ${p.name} a eu lieu ${ago(p.days)}. Qu’en avez-vous appris qui devrait guider la suite ?`,
    'calm.need': (p) => `Que savez-vous vraiment de ce dont ${p.name} a besoin aujourd’hui, et comment pourriez-vous le découvrir ?`,
  },
  facts: {
    'last-reply': (f) => `dernière réponse ${ago(f.days)}`,
    'never-replied': () => 'pas encore de réponse',
    attempts: (f) => `${plural(f.count, '1 relance', '# relances')} depuis`,
    'last-touch': (f) => `dernier ${TOUCH[f.touch]} ${ago(f.days)}`,
    'stage-age': (f) => `${days(f.days)} à l’étape « ${f.stage} »`,
    'stage-median': (f) => `médiane du pipeline ${days(f.days)}`,
    'close-date': (f) => `clôture ${inDays(f.days)}`,
    'quarter-end': (f) => `fin du trimestre ${inDays(f.days)}`,
    'close-pushed': (f) => `date de clôture repoussée ${times(f.count)}`,
    'open-tickets': (f) => plural(f.count, '1 ticket ouvert', '# tickets ouverts'),
    'high-priority': (f) => `${f.count} en priorité haute`,
    lifecycle: (f) => ({ lead: 'lead', opportunity: 'opportunité ouverte', customer: 'client', renewal: 'renouvellement à venir' })[f.phase],
    'record-age': (f) => `lead depuis ${days(f.days)}`,
    industry: (f) => f.industry,
    employees: (f) => `${f.count} employés`,
    'job-title': (f) => f.title,
    'peers-stalled': (f) => `${f.count} clients du secteur à la même étape`,
    'peers-theme': (f) => `${f.count} clients du secteur avec des tickets sur ${f.theme}`,
    collaborator: (f) => `${f.person} suit aussi ce client`,
  },
  missing: {
    contact: 'contact',
    company: 'entreprise',
    deal: 'affaire',
    engagements: 'historique des e-mails et appels',
    industry: 'secteur',
    'pipeline-medians': 'médianes par étape',
    peers: 'clients comparables du secteur',
    owners: 'responsables',
    tickets: 'tickets',
    'stale-engagements': 'activité récente (la plus récente date de plus de 90 jours)',
  },
  why: { label: 'Pourquoi cette carte', noFacts: 'le CRM contient encore peu d’informations sur ce client', missing: 'absent du CRM' },
  ui: { title: 'Avant de relancer', helpful: 'Utile', notHelpful: 'Pas utile', snooze: 'Mettre en pause pour ce client', recognisedBy: 'Reconnue par la règle « {rule} »', manageRules: 'Gérer les règles' },
};
