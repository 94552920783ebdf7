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
    'headline.service.high': [
      (p) => `Avant de reprendre contact avec ${p.name} : comment vivent-ils ${plural(p.count, 'leur ticket ouvert', 'leurs # tickets ouverts')} de leur côté ?`,
      (p) => `${p.name} a ${tickets(p.count)} : que voudraient-ils que vous sachiez avant de reprendre contact ?`,
      (p) => `Avant de reprendre contact avec ${p.name} : que leur coûte ${plural(p.count, 'leur ticket ouvert', 'chacun de leurs # tickets ouverts')} au quotidien ?`,
    ],
    'headline.long-term.renewal': [
      (p) => `Avant de parler renouvellement avec ${p.name} : comment s’est passée cette dernière année pour eux ?`,
      (p) => `Un renouvellement approche avec ${p.name} : qu’ont-ils retiré de cette année, avec leurs propres mots ?`,
      (p) => `Avant la discussion de renouvellement avec ${p.name} : que changeraient-ils à votre collaboration s’ils le pouvaient ?`,
    ],
    'headline.calm.fresh-lead': [
      (p) => `Avant de contacter ${p.name} : qu’est-ce qui les a poussés à se manifester ${ago(p.days)} ?`,
      (p) => `${p.name} s’est manifesté ${ago(p.days)} : qu’espéraient-ils trouver en le faisant ?`,
      (p) => `Avant votre premier échange avec ${p.name} : quel problème les a amenés vers vous ${ago(p.days)} ?`,
    ],
    'headline.dark.unanswered': [
      (p) => `Avant de relancer ${p.name} après ${plural(p.attempts, 'un message resté sans réponse', '# messages restés sans réponse')} : qu’est-ce qui rendrait le prochain utile pour eux ?`,
      (p) => `Après ${plural(p.attempts, 'un message sans réponse', '# messages sans réponse')} à ${p.name} : de quoi pourraient-ils avoir besoin que vous n’avez pas encore proposé ?`,
      (p) => `Avant d’écrire de nouveau à ${p.name} : qu’est-ce qui pourrait expliquer, de leur côté, ${plural(p.attempts, 'le message sans réponse', 'les # messages sans réponse')} ?`,
    ],
    'headline.dark.since-reply': [
      (p) => `Avant de relancer ${p.name} : qu’est-ce qui a changé pour eux depuis leur dernière réponse, ${ago(p.days)} ?`,
      (p) => `${p.name} a répondu pour la dernière fois ${ago(p.days)} : qu’est-ce qui a pu bouger de leur côté depuis ?`,
      (p) => `Avant d’écrire à ${p.name} : que savez-vous de leur situation aujourd’hui que vous ignoriez lors de leur dernière réponse, ${ago(p.days)} ?`,
      (p) => `C’est calme depuis la dernière réponse de ${p.name}, ${ago(p.days)} : sur quoi vaudrait-il la peine de les interroger en premier ?`,
    ],
    'headline.calm.since-touch': [
      (p) => `Avant de relancer ${p.name} : qu’est-ce qui a changé pour eux depuis votre dernier ${TOUCH[p.touch]}, ${ago(p.days)} ?`,
      (p) => `Depuis votre dernier ${TOUCH[p.touch]} avec ${p.name}, ${ago(p.days)} : qu’est-ce qui pourrait être différent pour eux aujourd’hui ?`,
      (p) => `Avant de contacter ${p.name} : qu’est-ce que votre dernier ${TOUCH[p.touch]}, ${ago(p.days)}, a laissé en suspens pour eux ?`,
      (p) => `Votre dernier ${TOUCH[p.touch]} avec ${p.name} date d’${ago(p.days)} : qu’est-ce qui rendrait le prochain contact utile plutôt que routinier ?`,
    ],
    'headline.calm.last-subject': [
      (p) => `Avant de relancer ${p.name} au sujet de « ${p.subject} » : qu’est-ce qui a bougé pour eux depuis votre ${TOUCH[p.touch]}, ${ago(p.days)} ?`,
      (p) => `Votre dernier ${TOUCH[p.touch]} avec ${p.name}, ${ago(p.days)}, portait sur « ${p.subject} » : où en sont-ils sur ce point ?`,
      (p) => `« ${p.subject} » était l’objet de votre dernier ${TOUCH[p.touch]} avec ${p.name}, ${ago(p.days)} : qu’est-ce qui reste ouvert de leur côté ?`,
    ],
    'headline.dark.last-subject': [
      (p) => `« ${p.subject} » est parti chez ${p.name} ${ago(p.days)} et reste sans réponse : qu’auraient-ils besoin d’entendre pour répondre ?`,
      (p) => `Avant de réécrire à ${p.name} : comment « ${p.subject} », envoyé ${ago(p.days)}, a-t-il pu être reçu de leur côté ?`,
    ],
    'headline.service.open': [
      (p) => `Avant de contacter ${p.name} : qu’est-ce que cela leur fait d’attendre depuis ${days(p.days)} ${plural(p.count, 'un ticket ouvert', 'le plus ancien de # tickets ouverts')} ?`,
      (p) => `${p.name} attend le support depuis ${days(p.days)} : comment cela peut-il colorer votre prochain échange ?`,
    ],
    'headline.service.ticket-subject': [
      (p) => `Avant de prendre contact avec ${p.name} : où en est, de leur point de vue, le ticket ouvert « ${p.subject} » ?`,
      (p) => `${p.name} a un ticket ouvert sur « ${p.subject} » : que voudraient-ils que vous sachiez avant d’appeler ?`,
    ],
    'headline.long-term.customer': [
      (p) => `Avant de contacter ${p.name} : comment vivent-ils la collaboration avec vous jusqu’ici ?`,
      (p) => `${p.name} est client : qu’est-ce qui rendrait le prochain contact utile pour eux plutôt que routinier ?`,
    ],
    'headline.urgency.close-date': [
      (p) => `La date de clôture pour ${p.name} est ${inDays(p.days)} : est-ce leur date ou la vôtre ?`,
      (p) => `Avant de relancer ${p.name} : que signifie pour eux la date de clôture ${inDays(p.days)} ?`,
    ],
    'headline.urgency.pushed': [
      (p) => `La date de clôture avec ${p.name} a été repoussée ${times(p.count)} : quel est leur propre calendrier, tel qu’ils le raconteraient ?`,
      (p) => `Avant de relancer ${p.name} : qu’est-ce qui, de leur côté, fait bouger la date de clôture (${times(p.count)} déjà) ?`,
    ],
    'headline.scenes.stage': [
      (p) => `${p.name} est à l’étape « ${p.stage} » depuis ${days(p.days)} : que pourrait-il se passer en coulisses chez eux ?`,
      (p) => `Avant de relancer ${p.name} : que faudrait-il de leur côté pour dépasser « ${p.stage} » après ${days(p.days)} ?`,
    ],
    'headline.scenes.role': [
      (p) => `Avant de contacter ${p.person} : à quoi ressemble un bon trimestre pour ${p.person}, ${p.title} chez ${p.company} ?`,
      (p) => `Quels objectifs occupent ${p.person} ce trimestre comme ${p.title} chez ${p.company}, et en quoi votre prochain contact pourrait-il y servir ?`,
    ],
    'headline.peers.stalled': [
      (p) => `${p.name} et ${p.count} clients similaires sont tous à l’étape « ${p.stage} » : qu’est-ce qui retient ce type d’entreprise à cette étape ?`,
      (p) => `Avant de relancer ${p.name} : qu’attendent ${p.count} clients similaires à l’étape « ${p.stage} », et est-ce le cas ici aussi ?`,
    ],
    'headline.peers.theme': [
      (p) => `${p.count} clients similaires ont signalé ${p.theme} au support : est-ce aussi un sujet pour ${p.name} ?`,
      (p) => `Avant de contacter ${p.name} : le sujet ${p.theme}, remonté par ${p.count} clients similaires, les concerne-t-il aussi ?`,
    ],
    'headline.experts.ticket-owner': [
      (p) => `Avant de contacter ${p.name} : qu’a entendu ${p.person} en traitant leurs tickets ?`,
      (p) => `${p.person} traite les tickets de support de ${p.name} : que vous dirait ${p.person} avant votre prochain contact ?`,
    ],
    'headline.experts.colleague': [
      (p) => `Avant de contacter ${p.name} : que sait ${p.person}, qui travaille aussi avec eux, que vous ignorez ?`,
      (p) => `${p.person} travaille aussi avec ${p.name} : que devriez-vous demander à ${p.person} avant de prendre contact ?`,
    ],
    'headline.scenes.unknown': [
      (p) => `Avant de contacter ${p.name} : que pourrait-il se passer dans leur activité ce trimestre que le CRM ne montre pas ?`,
      (p) => `Qu’est-ce qui occupe ${p.name} ces derniers temps et n’apparaîtrait jamais dans un champ du CRM ?`,
    ],
    'headline.long-term.unknown': [
      (p) => `Avant de contacter ${p.name} : à quoi ressemblerait, de leur point de vue, une bonne année avec vous ?`,
      (p) => `Dans un an, qu’est-ce que ${p.name} voudrait que ce contact ait lancé ?`,
    ],
    'headline.urgency.unknown': [
      (p) => `Avant de relancer ${p.name} : sur quel calendrier repose cette tâche, le leur ou le vôtre ?`,
      (p) => `Quel est le propre calendrier de ${p.name}, pour autant que vous le sachiez vraiment, avant de relancer ?`,
    ],
    'headline.default': [
      (p) => `Avant d’accomplir cette tâche : qu’est-ce qui rendrait la prochaine étape vraiment utile pour ${p.name} ?`,
      (p) => `De quoi ${p.name} a-t-il besoin dans ce prochain contact, selon leurs propres mots ?`,
      (p) => `Avant de traiter cette tâche : qu’est-ce que ${p.name} aimerait retirer de votre prochain message ?`,
      (p) => `Si ${p.name} pouvait choisir ce que vous apportez au prochain échange, que choisirait-il ?`,
    ],
  },
  questions: {
    'urgency.quarter-end': [
      (p) => `La date de clôture avec ${p.name} est ${inDays(p.days)} et le trimestre se termine ${inDays(p.quarterDays)}. Cette relance suit-elle votre calendrier ou le leur ?`,
      (p) => `La date de clôture avec ${p.name} est ${inDays(p.days)} et le trimestre se termine ${inDays(p.quarterDays)} : laquelle de ces deux dates compte vraiment pour ${p.name} ?`,
      (p) => `Le trimestre se termine ${inDays(p.quarterDays)} et la date de clôture de ${p.name} est ${inDays(p.days)} : qu’est-ce qui changerait pour eux, et non pour vous, si elle bougeait ?`,
    ],
    'urgency.pushed': [
      (p) => `La date de clôture avec ${p.name} a déjà été repoussée ${times(p.count)}. Que vous dit-elle de leur propre calendrier ?`,
      (p) => `La date de clôture de ${p.name} a glissé ${times(p.count)} : que se passe-t-il de leur côté que les nouvelles dates n’expliquent pas ?`,
    ],
    'urgency.stage-pace': [
      (p) => `L’affaire avec ${p.name} est à l’étape « ${p.stage} » depuis ${days(p.days)} ; la médiane de votre pipeline y est de ${days(p.median)}. Quel rythme cette relance suit-elle : le vôtre ou le leur ?`,
      (p) => `L’étape « ${p.stage} » dure en général ${days(p.median)} dans votre pipeline, et ${p.name} y est depuis ${days(p.days)} : que vous dit leur rythme ?`,
    ],
    'urgency.unknown': [
      (p) => `Cette relance suit-elle votre calendrier ou celui de ${p.name}, et comment le sauriez-vous ?`,
      (p) => `Quel est le calendrier propre de ${p.name} sur ce sujet, pour ce que vous en savez vraiment ?`,
    ],
    'dark.attempts': [
      (p) => `${p.name} a répondu pour la dernière fois ${ago(p.days)}, et vous les avez relancés ${times(p.attempts)} depuis. Que pourrait vous dire ce silence ?`,
      (p) => `Vous avez écrit ${times(p.attempts)} à ${p.name} depuis leur dernière réponse, ${ago(p.days)} : que pourraient-ils être en train de peser dont vous n’avez pas entendu parler ?`,
      (p) => `${times(p.attempts)} sans réponse depuis la dernière réponse de ${p.name}, ${ago(p.days)} : que feriez-vous autrement à leur place ?`,
    ],
    'dark.never-replied': [
      (p) => `${p.name} n’a encore répondu à ${plural(p.attempts, 'votre message', 'aucun de vos # messages')}. Qu’est-ce qui rendrait un échange utile pour eux ?`,
      (p) => `${plural(p.attempts, 'Votre message', 'Vos # messages')} à ${p.name} sont restés sans réponse jusqu’ici : savez-vous s’il s’agit de la bonne personne, au bon moment ?`,
    ],
    'dark.silence': [
      (p) => `Cela fait ${days(p.days)} que ${p.name} n’a pas répondu. Qu’est-ce qui a pu changer de leur côté entre-temps ?`,
      (p) => `${p.name} est silencieux depuis ${days(p.days)} : y a-t-il un sujet de leur côté sur lequel les interroger, plutôt qu’une relance ?`,
      (p) => `Qu’est-ce qui occupait ${p.name} il y a ${days(p.days)}, lors de leur dernière réponse, et qu’est-ce qui a pu prendre sa place depuis ?`,
    ],
    'dark.last-subject': [
      (p) => `Votre dernier e-mail à ${p.name}, « ${p.subject} », est parti ${ago(p.days)} et reste sans réponse : qu’est-ce qui comptait pour eux dedans, et qu’est-ce qui ne comptait pas ?`,
      (p) => `${p.name} n’a pas répondu à « ${p.subject} », envoyé ${ago(p.days)} : à quoi ressemble ce sujet vu de leur côté ?`,
      (p) => `« ${p.subject} » reste sans réponse de ${p.name} depuis ${days(p.days)} : était-ce la bonne question pour eux, au bon moment ?`,
    ],
    'dark.unknown': [
      (p) => `Qu’est-ce qui vous dirait que ${p.name} est toujours partant, à part une réponse rapide ?`,
      (p) => `Quand ${p.name} met plus de temps à répondre, que se passe-t-il d’habitude de leur côté ?`,
    ],
    'scenes.stage': [
      (p) => `${p.name} est à l’étape « ${p.stage} » depuis ${days(p.days)}. Que se passe-t-il peut-être en coulisses (budget, personnes, priorités) que cette étape ne montre pas ?`,
      (p) => `Que faudrait-il qui change chez ${p.name} pour dépasser l’étape « ${p.stage} », où ils sont depuis ${days(p.days)} ?`,
      (p) => `${days(p.days)} à l’étape « ${p.stage} », c’est long pour ${p.name} : qui de leur côté doit dire oui, et qu’attend cette personne ?`,
    ],
    'scenes.role': [
      (p) => `Qu’est-ce qui occupe ${p.person} en tant que ${p.title} chez ${p.company} ce trimestre, et que vous n’avez pas encore demandé ?`,
      (p) => `En tant que ${p.title} chez ${p.company}, sur quoi ${p.person} est-il ou elle évalué(e) cette année, et en quoi votre relance y aide-t-elle ?`,
      (p) => `Qu’est-ce qui faciliterait la semaine de ${p.person}, ${p.title} chez ${p.company}, et le savez-vous vraiment ?`,
    ],
    'scenes.size': [
      (p) => `Qu’est-ce qui façonne cette année pour une entreprise de ${p.employees} personnes (${p.industry}) comme ${p.name}, au-delà de cette affaire ?`,
      (p) => `Pour une entreprise de ${p.employees} personnes (${p.industry}) comme ${p.name}, quelles pressions de l’année pourraient se cacher derrière cet échange ?`,
      (p) => `Que doit réussir cette année une entreprise de ${p.employees} personnes (${p.industry}) comme ${p.name}, et où vous situez-vous ?`,
    ],
    'scenes.unknown': [
      (p) => `Que se passe-t-il ce trimestre dans l’activité de ${p.name} que le CRM ne vous montre pas ?`,
      (p) => `Qu’est-ce qui a changé récemment chez ${p.name} et n’apparaîtrait dans aucun champ du CRM ?`,
      (p) => `Quelles décisions ${p.name} doit-il prendre ce trimestre, que vous n’avez fait que deviner jusqu’ici ?`,
    ],
    'peers.stalled': [
      (p) => `${p.count} autres clients du secteur ${p.industry} sont eux aussi à l’étape « ${p.stage} ». Qu’ont-ils en commun avec ${p.name}, et qu’est-ce que cela suggère ?`,
      (p) => `${p.name} et ${p.count} autres clients du secteur ${p.industry} sont tous à l’étape « ${p.stage} » : qu’est-ce qui retient ce type d’entreprise à ce stade ?`,
    ],
    'peers.theme': [
      (p) => `${p.count} autres clients du secteur ${p.industry} ont aussi ouvert des tickets sur ${p.theme}. Y a-t-il là une tendance à aborder avec ${p.name} ?`,
      (p) => `${p.theme} revient dans les tickets de ${p.count} autres clients du secteur ${p.industry} : ${p.name} le ressent-il aussi ?`,
    ],
    'peers.unknown': [
      (p) => `Lequel de vos autres clients ressemble le plus à ${p.name}, et qu’avez-vous appris en travaillant avec lui ?`,
      (p) => `Sur quoi des clients comme ${p.name} butent-ils souvent à ce stade, et est-ce le cas ici ?`,
    ],
    'experts.ticket-owner': [
      (p) => `${p.person} suit les tickets de support de ${p.name}. Que pourrait-il ou elle vous apprendre sur la situation avant votre prise de contact ?`,
      (p) => `Avant de contacter ${p.name}, qu’est-ce que ${p.person} a entendu de leur part côté support ?`,
    ],
    'experts.colleague': [
      (p) => `${p.person} travaille aussi avec ${p.name}. Que sait cette personne de ce client que vous ignorez ?`,
      (p) => `Que voudrait ${p.person}, qui travaille aussi avec ${p.name}, que vous sachiez avant ce contact ?`,
    ],
    'experts.unknown': [
      (p) => `Qui d’autre dans votre entreprise a parlé récemment avec ${p.name}, et qu’a-t-il ou elle entendu ?`,
      (p) => `Quel collègue connaît ${p.name} sous un autre angle (support, finance, livraison), et qu’ajouterait-il ou elle ?`,
      (p) => `Qui dans votre entreprise pourrait vous dire sur ${p.name} quelque chose que la fiche ne dit pas ?`,
    ],
    'long-term.renewal': [
      (p) => `Qu’est-ce qui rendrait l’année prochaine vraiment meilleure pour ${p.name}, au-delà d’un simple renouvellement ?`,
      (p) => `Au-delà de ce renouvellement, de quoi ${p.name} aurait-il besoin pour grandir avec vous dans les années à venir ?`,
    ],
    'long-term.customer': [
      (p) => `Où voulez-vous que votre relation avec ${p.name} en soit dans un an, et cette relance vous en rapproche-t-elle ?`,
      (p) => `Qu’est-ce qui amènerait ${p.name} à vous recommander à un pair d’ici un an ?`,
      (p) => `Qu’est-ce que ${p.name} a accompli avec vous jusqu’ici, et que voudraient-ils accomplir ensuite ?`,
    ],
    'long-term.unknown': [
      (p) => `À quoi ressemblerait une bonne année pour ${p.name}, de leur point de vue ?`,
      (p) => `Où pourrait en être ${p.name} dans deux ans, et quel rôle pourriez-vous jouer pour les y amener ?`,
      (p) => `Dans un an, avec du recul, que considérerait ${p.name} comme un bon résultat de votre collaboration ?`,
    ],
    'service.high': [
      (p) => `${p.name} a ${tickets(p.count)}, dont ${p.high} en priorité haute. Qui, dans l’équipe support, pourrait vous dire où en sont les choses avant votre appel ?`,
      (p) => `Avec ${tickets(p.count)} chez ${p.name}, dont ${p.high} en priorité haute : comment le vivent-ils, et qui de votre côté le sait ?`,
    ],
    'service.open': [
      (p) => `${p.name} a ${tickets(p.count)} ; ${plural(p.count, 'il est', 'l’un est')} ouvert depuis ${days(p.days)}. Comment cela pourrait-il colorer votre prochain échange ?`,
      (p) => `${p.name} attend depuis ${days(p.days)} sur ${plural(p.count, 'un ticket ouvert', 'le plus ancien de # tickets ouverts')} : qu’est-ce que cela fait d’être contacté par les ventes à ce moment-là ?`,
    ],
    'service.ticket-subject': [
      (p) => `${p.name} a ${plural(p.count, 'un ticket ouvert', '# tickets ouverts, dont un')} au sujet de « ${p.subject} » : comment cela se passe-t-il de leur côté, et qui dans votre équipe pourrait vous le dire ?`,
      (p) => `Que représente « ${p.subject} », ${plural(p.count, 'le ticket', 'l’un des # tickets')} que ${p.name} a en cours auprès du support, dans leur travail au quotidien ?`,
    ],
    'service.unknown': [
      (p) => `Si quelque chose dans votre produit ou service gênait ${p.name} ces derniers temps, comment l’apprendriez-vous ?`,
      (p) => `Comment ${p.name} vit-il jusqu’ici la collaboration avec votre équipe, de son point de vue plutôt que selon le CRM ?`,
    ],
    'calm.fresh-lead': [
      (p) => `${p.name} est devenu un lead ${ago(p.days)}. Qu’est-ce qui les a poussés à se manifester, et qu’est-ce qui leur serait utile aujourd’hui ?`,
      (p) => `${p.name} est devenu un prospect ${ago(p.days)} : que savez-vous de ce qu’ils cherchaient, et que supposez-vous ?`,
    ],
    'calm.last-touch': [
      (p) => `Votre dernier ${TOUCH[p.touch]} avec ${p.name} a eu lieu ${ago(p.days)}. Qu’en avez-vous appris qui devrait guider la suite ?`,
      (p) => `Que vous a dit ${p.name} lors de votre ${TOUCH[p.touch]} ${ago(p.days)}, sur quoi cette relance devrait s’appuyer ?`,
      (p) => `En repensant à votre ${TOUCH[p.touch]} avec ${p.name} ${ago(p.days)} : qu’ont-ils demandé à quoi vous n’avez pas encore donné suite ?`,
    ],
    'calm.last-subject': [
      (p) => `Votre dernier ${TOUCH[p.touch]} avec ${p.name}, ${ago(p.days)}, portait sur « ${p.subject} » : qu’ont-ils répondu, et qu’est-ce qui reste ouvert pour eux ?`,
      (p) => `Qu’avez-vous retenu de « ${p.subject} », votre ${TOUCH[p.touch]} avec ${p.name} ${ago(p.days)}, et à partir de quoi voudraient-ils reprendre ?`,
      (p) => `La dernière fois que vous avez parlé de « ${p.subject} » avec ${p.name} (${TOUCH[p.touch]}, ${ago(p.days)}), qu’est-ce qui comptait le plus pour eux ?`,
    ],
    'calm.need': [
      (p) => `Que savez-vous vraiment de ce dont ${p.name} a besoin aujourd’hui, et comment pourriez-vous le découvrir ?`,
      (p) => `Qu’est-ce que ${p.name} cherche à accomplir en ce moment, et où pourriez-vous réellement aider ?`,
      (p) => `Si vous demandiez à ${p.name} ce qui les aiderait le plus cette semaine, que répondraient-ils, à votre avis ?`,
    ],
    'urgency.close-date': [
      (p) => `Que faudrait-il du côté de ${p.name} pour que la date de clôture ${inDays(p.days)} tienne, et l’ont-ils dit ?`,
      (p) => `Qui a fixé la date de clôture ${inDays(p.days)} pour ${p.name} : eux, ou votre pipeline ?`,
    ],
    'dark.last-touch': [
      (p) => `Depuis votre dernier ${TOUCH[p.touch]} avec ${p.name}, ${ago(p.days)}, qu’attendaient-ils peut-être de vous ?`,
      (p) => `Que demandait votre ${TOUCH[p.touch]} ${ago(p.days)} à ${p.name}, et était-ce facile pour eux d’y répondre ?`,
    ],
    'peers.industry': [
      (p) => `Qu’est-ce qui comptait le plus pour vos autres clients du secteur ${p.industry} à ce stade, et est-ce le cas pour ${p.name} ?`,
      (p) => `À quoi les entreprises du secteur ${p.industry} comme ${p.name} se heurtent-elles souvent à cette période, et l’avez-vous demandé ?`,
    ],
    'experts.role': [
      (p) => `Qui dans votre entreprise sait sur quoi est jugé un poste comme ${p.title} chez ${p.company}, et le lui avez-vous demandé ?`,
      (p) => `Quel collègue a déjà travaillé avec des personnes au poste de ${p.title} et pourrait vous dire ce qui compte pour elles chez ${p.company} ?`,
    ],
    'long-term.industry': [
      (p) => `Où ${p.name} veut-elle être dans trois ans en tant qu’entreprise du secteur ${p.industry}, et comment le sauriez-vous ?`,
      (p) => `Qu’est-ce qui change dans le secteur ${p.industry} et à quoi ${p.name} devra répondre dans les prochaines années ?`,
    ],
    'service.customer': [
      (p) => `Quand quelqu’un a-t-il demandé à ${p.name} pour la dernière fois comment se passe le travail avec votre équipe, et qu’ont-ils répondu ?`,
      (p) => `Qu’est-ce que ${p.name} dirait qui fonctionne bien dans votre service, et que changeraient-ils discrètement ?`,
    ],
    'dark.stage-silence': [
      (p) => `${p.name} est silencieux depuis ${days(p.days)} alors que l’affaire est à l’étape « ${p.stage} » : qu’est-ce que cette étape leur demande qui pourrait être difficile en ce moment ?`,
      (p) => `Qu’est-ce que « ${p.stage} » exige du côté de ${p.name} qui pourrait expliquer ${days(p.days)} sans réponse ?`,
    ],
    'scenes.role-stage': [
      (p) => `De quoi ${p.person} aurait-il ou elle besoin, comme ${p.title}, pour faire avancer « ${p.stage} » chez ${p.company} ?`,
      (p) => `Qui, à part ${p.person} (${p.title}), a son mot à dire chez ${p.company} avant que « ${p.stage} » puisse avancer, et qu’est-ce qui compte pour eux ?`,
    ],
  },
  facts: {
    'last-reply': (f) => `dernière réponse ${ago(f.days)}`,
    'never-replied': () => 'pas encore de réponse',
    attempts: (f) => `${plural(f.count, '1 relance', '# relances')} depuis`,
    'last-touch': (f) => `dernier ${TOUCH[f.touch]} ${ago(f.days)}`,
    'last-subject': (f) => `dernier ${TOUCH[f.touch]} « ${f.subject} » ${ago(f.days)}`,
    'ticket-subject': (f) => `ticket ouvert « ${f.subject} »`,
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
    'last-subject': 'objet du dernier e-mail, appel ou rendez-vous',
    'ticket-subject': 'objet des tickets ouverts',
    'stale-engagements': 'activité récente (la plus récente date de plus de 90 jours)',
  },
  why: { label: 'Pourquoi cette carte', noFacts: 'le CRM contient encore peu d’informations sur ce client', missing: 'absent du CRM' },
  ui: { title: 'Avant de relancer', helpful: 'Utile', notHelpful: 'Pas utile', snooze: 'Mettre en pause pour ce client', recognisedBy: 'Reconnue par la règle « {rule} »', manageRules: 'Gérer les règles' },
};
