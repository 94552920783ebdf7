/** Locale, time zone, delivery channel, thresholds, lenses and anti-noise limits, edited as a draft; labels and options from page-model.ts. */
import { Flex, Heading, Input, NumberInput, Select, Text, Toggle } from '@hubspot/ui-extensions';
import { CHANNEL_OPTIONS, deliveryFor, FIELDS, LENS_IDS, LENS_LABELS, LOCALE_OPTIONS, SECTIONS, TEXT_FIELDS, type AntiNoise, type Channel, type Locale, type SettingsValues } from './page-model.ts';

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
      <Heading>{SECTIONS.delivery}</Heading>
      <Select label={TEXT_FIELDS.locale.label} name="locale" value={values.locale} readOnly={readOnly}
        options={[...LOCALE_OPTIONS]} onChange={(value) => set('locale', value as Locale)} />
      <Input label={TEXT_FIELDS.timeZone.label} description={TEXT_FIELDS.timeZone.help} name="timeZone" value={values.timeZone} readOnly={readOnly}
        onChange={(value) => set('timeZone', value)} />
      <Select label={TEXT_FIELDS.channel.label} name="channel" testId="channel" value={delivery.channel} readOnly={readOnly}
        options={[...CHANNEL_OPTIONS]} onChange={(value) => set('delivery', deliveryFor(value as Channel, delivery))} />
      {delivery.channel === 'timeline-v3' && (
        <Input label={TEXT_FIELDS.eventTemplateId.label} name="eventTemplateId" value={delivery.eventTemplateId} readOnly={readOnly} required={true}
          onChange={(value) => set('delivery', { channel: 'timeline-v3', eventTemplateId: value.trim() })} />
      )}
      {delivery.channel === 'app-event' && (
        <Input label={TEXT_FIELDS.eventTypeName.label} name="eventTypeName" value={delivery.eventTypeName} readOnly={readOnly} required={true}
          onChange={(value) => set('delivery', { channel: 'app-event', eventTypeName: value.trim() })} />
      )}

      <Heading>{SECTIONS.thresholds}</Heading>
      <NumberInput label={FIELDS.silenceDays.label} name="silenceDays" min={FIELDS.silenceDays.min} max={FIELDS.silenceDays.max} readOnly={readOnly}
        value={thresholds.silenceDays} onChange={(value) => set('thresholds', { ...thresholds, silenceDays: value })} />
      <NumberInput label={FIELDS.stageAgeMultiple.label} name="stageAgeMultiple" min={FIELDS.stageAgeMultiple.min} max={FIELDS.stageAgeMultiple.max}
        precision={1} readOnly={readOnly} value={thresholds.stageAgeMultiple}
        onChange={(value) => set('thresholds', { ...thresholds, stageAgeMultiple: value })} />

      <Heading>{SECTIONS.lenses}</Heading>
      {LENS_IDS.map((lens) => (
        <Toggle key={lens} label={LENS_LABELS[lens]} name={`lens-${lens}`} testId={`lens-${lens}`} checked={values.lenses[lens]}
          readOnly={readOnly} onChange={(checked) => set('lenses', { ...values.lenses, [lens]: checked })} />
      ))}

      <Heading>{SECTIONS.antiNoise}</Heading>
      <Text>{SECTIONS.antiNoiseHelp}</Text>
      <NumberInput label={FIELDS.dailyBudgetPerRep.label} description={FIELDS.dailyBudgetPerRep.help} name="dailyBudgetPerRep" testId="daily-budget" min={FIELDS.dailyBudgetPerRep.min} max={FIELDS.dailyBudgetPerRep.max}
        readOnly={readOnly} value={antiNoise.dailyBudgetPerRep} onChange={(value) => setNoise('dailyBudgetPerRep', value)} />
      <NumberInput label={FIELDS.recordCooldownHours.label} name="recordCooldownHours" min={FIELDS.recordCooldownHours.min} max={FIELDS.recordCooldownHours.max}
        readOnly={readOnly} value={antiNoise.recordCooldownHours} onChange={(value) => setNoise('recordCooldownHours', value)} />
      <NumberInput label={FIELDS.clientReplyWindowHours.label} name="clientReplyWindowHours" min={FIELDS.clientReplyWindowHours.min} max={FIELDS.clientReplyWindowHours.max}
        readOnly={readOnly} value={antiNoise.clientReplyWindowHours} onChange={(value) => setNoise('clientReplyWindowHours', value)} />
      <NumberInput label={FIELDS.snoozeDays.label} name="snoozeDays" min={FIELDS.snoozeDays.min} max={FIELDS.snoozeDays.max}
        readOnly={readOnly} value={antiNoise.snoozeDays} onChange={(value) => setNoise('snoozeDays', value)} />
      <Toggle label={TEXT_FIELDS.quietHours.label} name="quietHours" testId="quiet-hours" checked={quiet !== null} readOnly={readOnly}
        onChange={(checked) => setNoise('quietHours', checked ? { start: '19:00', end: '08:00' } : null)} />
      {quiet !== null && (
        <Flex direction="row" gap="small">
          <Input label={TEXT_FIELDS.quietStart.label} name="quietStart" value={quiet.start} readOnly={readOnly}
            onChange={(value) => setNoise('quietHours', { ...quiet, start: value })} />
          <Input label={TEXT_FIELDS.quietEnd.label} name="quietEnd" value={quiet.end} readOnly={readOnly}
            onChange={(value) => setNoise('quietHours', { ...quiet, end: value })} />
        </Flex>
      )}
    </Flex>
  );
}
