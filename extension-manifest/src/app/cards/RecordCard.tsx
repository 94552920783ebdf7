/**
 * App card on contact, company and deal records: the latest Unrobot reflection cards about the
 * record, each with helpful / not helpful / snooze buttons that report back to Unrobot.
 */
import { Alert, Button, ButtonRow, EmptyState, Flex, List, LoadingSpinner, Tag, Text, Tile, hubspot } from '@hubspot/ui-extensions';
import type { CrmContext } from '@hubspot/ui-extensions';
import { useEffect, useState } from 'react';
import { listCards, objectTypeOf, sendFeedback, type Reaction, type RecordCardItem } from './api.ts';

hubspot.extend<'crm.record.tab'>(({ context }) => <RecordCard context={context} />);

const REACTIONS: Array<{ reaction: Reaction; label: string }> = [
  { reaction: 'helpful', label: 'Helpful' },
  { reaction: 'not-helpful', label: 'Not helpful' },
  { reaction: 'snooze', label: 'Snooze this client' },
];

const THANKS: Record<Reaction, string> = {
  helpful: 'Marked helpful',
  'not-helpful': 'Marked not helpful',
  snooze: 'Snoozed',
};

export function RecordCard({ context }: { context: Pick<CrmContext, 'crm'> }) {
  const [cards, setCards] = useState<RecordCardItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const objectType = objectTypeOf(context.crm.objectTypeId);

  useEffect(() => {
    if (objectType === undefined) return;
    listCards(objectType, context.crm.objectId).then(setCards, (caught: unknown) =>
      setError(caught instanceof Error ? caught.message : 'Unrobot could not be reached.'));
  }, [objectType, context.crm.objectId]);

  if (objectType === undefined) return <Text>Unrobot cards appear on contacts, companies and deals.</Text>;
  if (error !== null) return <Alert title="Unrobot cards could not be loaded" variant="danger">{error}</Alert>;
  if (cards === null) return <LoadingSpinner label="Loading Unrobot cards" />;
  if (cards.length === 0) {
    return <EmptyState title="No reflection cards yet" layout="vertical"><Text>When a robotic follow-up task is created for this record, its reflection questions appear here.</Text></EmptyState>;
  }

  const react = async (card: RecordCardItem, reaction: Reaction) => {
    try {
      await sendFeedback(card.id, reaction);
      setCards((current) => (current ?? []).map((c) => (c.id === card.id ? { ...c, feedback: reaction } : c)));
      setError(null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'Your feedback was not saved.');
    }
  };

  return (
    <Flex direction="column" gap="small">
      {cards.map((card) => (
        <Tile key={card.id} testId={`card-${card.id}`}>
          <Text format={{ fontWeight: 'bold' }}>{card.headline}</Text>
          <Text variant="microcopy">Instead of: {card.taskSubject} · {card.deliveredAt.slice(0, 10)}</Text>
          <List variant="unordered">{card.questions.map((question) => <Text key={question}>{question}</Text>)}</List>
          <Text variant="microcopy">Why this card: {card.why} · rule: {card.ruleName}</Text>
          {card.feedback !== null
            ? <Tag variant="success" testId={`feedback-${card.id}`}>{THANKS[card.feedback]}</Tag>
            : (
              <ButtonRow>
                {REACTIONS.map(({ reaction, label }) => (
                  <Button key={reaction} size="small" testId={`${reaction}-${card.id}`} onClick={() => void react(card, reaction)}>{label}</Button>
                ))}
              </ButtonRow>
            )}
        </Tile>
      ))}
    </Flex>
  );
}
