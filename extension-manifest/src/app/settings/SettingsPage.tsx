/**
 * Unrobot's settings page inside HubSpot (Marketplace → Connected apps → Unrobot → Settings).
 * A thin front end over the settings API: everything it shows and saves goes through
 * `hubspot.fetch` to the Unrobot backend, which takes the portal from HubSpot's signature.
 * What it shows and sends is decided by page-model.ts, the model the standalone page renders too.
 */
import { Alert, Button, Divider, Flex, Heading, LoadingSpinner, Text, hubspot } from '@hubspot/ui-extensions';
import { useCallback, useEffect, useState } from 'react';
import { settingsApi, type Admin, type Analytics, type AuditEntry, type Me, type PreviewResult, type Rule, type RuleCounts, type SettingsValues } from './api.ts';
import { EditorsSection } from './EditorsSection.tsx';
import { AnalyticsSection, AuditSection, PreviewSection } from './InsightSections.tsx';
import { RulesSection } from './RulesSection.tsx';
import { SettingsForm } from './SettingsForm.tsx';
import { countsFromPreview, describeError, pageMessages, previewRequest, readOnlyNote, settingsValuesOf } from './page-model.ts';
import { UninstallSection } from './UninstallSection.tsx';

hubspot.extend<'settings'>(() => <SettingsPage />);

interface Loaded {
  me: Me;
  values: SettingsValues;
  version: number;
  rules: Rule[];
  counts: RuleCounts;
  analytics: Analytics;
  audit: AuditEntry[];
  admins: Admin[];
}

async function loadAll(): Promise<Loaded> {
  const [me, settings, rules, analytics, audit, admins] = await Promise.all([
    settingsApi.me(), settingsApi.settings(), settingsApi.rules(), settingsApi.analytics(7), settingsApi.audit(), settingsApi.admins(),
  ]);
  return { me, values: settingsValuesOf(settings), version: settings.version, rules: rules.rules, counts: rules.counts, analytics, audit: audit.entries, admins: admins.admins };
}

export function SettingsPage() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [draft, setDraft] = useState<SettingsValues | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const [previewing, setPreviewing] = useState(false);

  const reload = useCallback(async () => {
    try {
      const next = await loadAll();
      setLoaded(next);
      setDraft(next.values);
    } catch (caught) {
      setError(describeError(caught));
    }
  }, []);

  useEffect(() => { void reload(); }, [reload]);

  if (loaded === null || draft === null) {
    return error === null
      ? <LoadingSpinner label="Loading Unrobot settings" />
      : <Alert title="Unrobot settings could not be loaded" variant="danger">{error}</Alert>;
  }

  const readOnly = !loaded.me.canEdit;

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const saved = await settingsApi.saveSettings(draft, loaded.version);
      const audit = await settingsApi.audit();
      setLoaded({ ...loaded, values: settingsValuesOf(saved), version: saved.version, audit: audit.entries });
      setNotice(pageMessages.settingsSaved);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setSaving(false);
    }
  };

  const runPreview = async (days: number) => {
    setPreviewing(true);
    setError(null);
    try {
      // Rule switches are saved as they are made here, so only the unsaved settings go with the preview.
      const result = await settingsApi.preview(previewRequest(days, { rules: loaded.rules, edits: new Map(), draft, saved: loaded.values }));
      setPreview(result);
      setLoaded((current) => current && { ...current, counts: countsFromPreview(result) });
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setPreviewing(false);
    }
  };

  const onRuleChanged = async (rule: Rule) => {
    const audit = await settingsApi.audit();
    setLoaded({ ...loaded, rules: loaded.rules.map((r) => (r.id === rule.id ? rule : r)), audit: audit.entries });
  };

  const onEditorsSaved = async (admins: Admin[]) => {
    setLoaded((current) => current && { ...current, admins });
    // The editors are saved either way; a log that cannot be read now catches up on the next load.
    const audit = await settingsApi.audit().catch(() => null);
    if (audit !== null) setLoaded((current) => current && { ...current, audit: audit.entries });
  };

  return (
    <Flex direction="column" gap="medium">
      <Heading>Unrobot</Heading>
      <Text>Choose which robotic task prompts Unrobot answers with reflection questions, where the cards go, and how often reps get them.</Text>
      {readOnly && (
        <Alert title="Read only" variant="info" testId="read-only">
          {readOnlyNote(loaded.admins)}
        </Alert>
      )}
      {error !== null && <Alert title="Not saved" variant="danger" testId="page-error">{error}</Alert>}
      {notice !== null && error === null && <Alert title="Done" variant="success">{notice}</Alert>}
      <RulesSection rules={loaded.rules} counts={loaded.counts} readOnly={readOnly} onChanged={onRuleChanged} />
      <Divider />
      <SettingsForm values={draft} readOnly={readOnly} onChange={(next) => { setDraft(next); setNotice(null); }} />
      <Flex direction="row" gap="small">
        <Button variant="primary" testId="save-settings" disabled={readOnly || saving} onClick={() => void save()}>
          {saving ? 'Saving…' : pageMessages.saveSettings}
        </Button>
      </Flex>
      <Divider />
      <PreviewSection result={preview} running={previewing} onRun={(days) => void runPreview(days)} />
      <Divider />
      <AnalyticsSection analytics={loaded.analytics} />
      <Divider />
      <AuditSection entries={loaded.audit} />
      <Divider />
      <EditorsSection admins={loaded.admins} me={loaded.me} onSaved={onEditorsSaved} />
      <Divider />
      <UninstallSection />
    </Flex>
  );
}
