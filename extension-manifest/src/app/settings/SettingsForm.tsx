/** Locale, time zone, delivery channel, thresholds, lenses and anti-noise limits, edited as a draft. */
import { Flex, Heading, Input, NumberInput, Select, Text, Toggle } from '@hubspot/ui-extensions';
import type { AntiNoise, Delivery, LensId, Locale, SettingsValues } from './api.ts';

export const LENS_LABELS: Record<LensId, string> = {
  'whose-urgency': 'Whose urgency is this: the rep\'s quarter or the client\'s timeline?',
  'going-dark': 'When a client goes quiet, what might they be telling you?',
  'behind-the-scenes': 'Behind-the-scenes factors in the client\'s business',
  'common-denominators': 'Common denominators across clients and industries',
  'internal-experts': 'Colleagues who could help on the client\'s behalf',
  'long-term': 'The long-term health of the client\'s business',
  'service-experience': 'Their service experience (open tickets)',
  'calm-attention': 'What do you actually know they need now?',
};

const LOCALES: Array<{ label: string; value: Locale }> = [
  { label: 'English', value: 'en' }, { label: 'Deutsch', value: 'de' }, { label: 'Français', value: 'fr' },
  { label: 'Español', value: 'es' }, { label: 'Nederlands', value: 'nl' }, { label: 'Português', value: 'pt' },
];

const CHANNELS: Array<{ label: string; value: Delivery['channel'] }> = [
  { label: 'Note on the record (recommended)', value: 'note' },
  { label: 'Timeline event (v3 template)', value: 'timeline-v3' },
  { label: 'App event (needs HubSpot approval)', value: 'app-event' },
  { label: 'Append to the task body', value: 'task-body' },
];

function deliveryFor(channel: Delivery['channel'], current: Delivery): Delivery {
  if (channel === 'timeline-v3') return { channel, eventTemplateId: current.channel === channel ? current.eventTemplateId : '' };
  if (channel === 'app-event') return { channel, eventTypeName: current.channel === channel ? current.eventTypeName : '' };
  return { channel };
}

interface SettingsFormProps {
  values: SettingsValues;
  readOnly: boolean;
  onChange: (next: SettingsValues) => void;
}

export function SettingsForm({ values, readOnly, onChange }: SettingsFormProps) {
  const set = <K extends keyof SettingsValues>(key: K, value: SettingsValues[K]) => onChange({ ...values, [key]: value });
  const setNoise = <K extends keyof AntiNoise>(key: K, value: AntiNoise[K]) => set('antiNoise', { ...values.antiNoise, [key]: value });
  const { delivery, antiNoise, thresholds } = values;
  const quiet = antiNoise.quietHours;

  return (
    <Flex direction="column" gap="small">
      <Heading>Language and delivery</Heading>
      <Select label="Language of the cards" name="locale" value={values.locale} readOnly={readOnly}
        options={LOCALES} onChange={(value) => set('locale', value as Locale)} />
      <Input label="Time zone (IANA, e.g. Europe/Amsterdam)" name="timeZone" value={values.timeZone} readOnly={readOnly}
        onChange={(value) => set('timeZone', value)} />
      <Select label="Where cards go" name="channel" testId="channel" value={delivery.channel} readOnly={readOnly}
        options={CHANNELS} onChange={(value) => set('delivery', deliveryFor(value as Delivery['channel'], delivery))} />
      {delivery.channel === 'timeline-v3' && (
        <Input label="Event template id" name="eventTemplateId" value={delivery.eventTemplateId} readOnly={readOnly} required={true}
          onChange={(value) => set('delivery', { channel: 'timeline-v3', eventTemplateId: value.trim() })} />
      )}
      {delivery.channel === 'app-event' && (
        <Input label="App event type name" name="eventTypeName" value={delivery.eventTypeName} readOnly={readOnly} required={true}
          onChange={(value) => set('delivery', { channel: 'app-event', eventTypeName: value.trim() })} />
      )}

      <Heading>Signals</Heading>
      <NumberInput label="Days without a reply before silence counts" name="silenceDays" min={1} max={365} readOnly={readOnly}
        value={thresholds.silenceDays} onChange={(value) => set('thresholds', { ...thresholds, silenceDays: value })} />
      <NumberInput label="A deal is stalled after this many times the usual time in its stage" name="stageAgeMultiple" min={1} max={10}
        precision={1} readOnly={readOnly} value={thresholds.stageAgeMultiple}
        onChange={(value) => set('thresholds', { ...thresholds, stageAgeMultiple: value })} />

      <Heading>Question lenses</Heading>
      {(Object.keys(LENS_LABELS) as LensId[]).map((lens) => (
        <Toggle key={lens} label={LENS_LABELS[lens]} name={`lens-${lens}`} testId={`lens-${lens}`} checked={values.lenses[lens]}
          readOnly={readOnly} onChange={(checked) => set('lenses', { ...values.lenses, [lens]: checked })} />
      ))}

      <Heading>Keeping it calm</Heading>
      <Text>Limits that keep cards rare enough to be read.</Text>
      <NumberInput label="Cards per rep per day (0 pauses cards)" name="dailyBudgetPerRep" testId="daily-budget" min={0} max={100}
        readOnly={readOnly} value={antiNoise.dailyBudgetPerRep} onChange={(value) => setNoise('dailyBudgetPerRep', value)} />
      <NumberInput label="Hours between two cards about the same record" name="recordCooldownHours" min={0} max={2160}
        readOnly={readOnly} value={antiNoise.recordCooldownHours} onChange={(value) => setNoise('recordCooldownHours', value)} />
      <NumberInput label="No card if the client replied within (hours)" name="clientReplyWindowHours" min={0} max={2160}
        readOnly={readOnly} value={antiNoise.clientReplyWindowHours} onChange={(value) => setNoise('clientReplyWindowHours', value)} />
      <NumberInput label="Days a snooze lasts" name="snoozeDays" min={1} max={365}
        readOnly={readOnly} value={antiNoise.snoozeDays} onChange={(value) => setNoise('snoozeDays', value)} />
      <Toggle label="Quiet hours (cards wait until they end)" name="quietHours" testId="quiet-hours" checked={quiet !== null} readOnly={readOnly}
        onChange={(checked) => setNoise('quietHours', checked ? { start: '19:00', end: '08:00' } : null)} />
      {quiet !== null && (
        <Flex direction="row" gap="small">
          <Input label="Quiet from (HH:MM)" name="quietStart" value={quiet.start} readOnly={readOnly}
            onChange={(value) => setNoise('quietHours', { ...quiet, start: value })} />
          <Input label="Quiet until (HH:MM)" name="quietEnd" value={quiet.end} readOnly={readOnly}
            onChange={(value) => setNoise('quietHours', { ...quiet, end: value })} />
        </Flex>
      )}
    </Flex>
  );
}
