/**
 * Unrobot's settings page inside HubSpot (Marketplace → Connected apps → Unrobot → Settings).
 * A thin front end over the settings API: everything it shows and saves goes through
 * `hubspot.fetch` to the Unrobot backend, which takes the portal from HubSpot's signature.
 */
import { Alert, Button, Divider, Flex, Heading, LoadingSpinner, Text, hubspot } from '@hubspot/ui-extensions';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, settingsApi, type Admin, type Analytics, type AuditEntry, type Me, type PreviewResult, type Rule, type SettingsValues } from './api.ts';
import { adminLabel, EditorsSection } from './EditorsSection.tsx';
import { AnalyticsSection, AuditSection, PreviewSection } from './InsightSections.tsx';
import { RulesSection } from './RulesSection.tsx';
import { SettingsForm } from './SettingsForm.tsx';
import { UninstallSection } from './UninstallSection.tsx';

hubspot.extend<'settings'>(() => <SettingsPage />);

interface Loaded {
  me: Me;
  values: SettingsValues;
  version: number;
  rules: Rule[];
  analytics: Analytics;
  audit: AuditEntry[];
  admins: Admin[];
}

/** Drops the read-only fields of a settings answer, keeping what PUT and preview accept. */
function valuesOf(settings: SettingsValues): SettingsValues {
  const { locale, timeZone, delivery, thresholds, lenses, antiNoise } = settings;
  return { locale, timeZone, delivery, thresholds, lenses, antiNoise };
}

async function loadAll(): Promise<Loaded> {
  const [me, settings, rules, analytics, audit, admins] = await Promise.all([
    settingsApi.me(), settingsApi.settings(), settingsApi.rules(), settingsApi.analytics(7), settingsApi.audit(), settingsApi.admins(),
  ]);
  return { me, values: valuesOf(settings), version: settings.version, rules: rules.rules, analytics, audit: audit.entries, admins: admins.admins };
}

function describeError(error: unknown): string {
  if (error instanceof ApiError && error.code === 'version_conflict') {
    return 'Someone else saved the settings meanwhile. Reload the page to see their changes, then apply yours again.';
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
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
      setLoaded({ ...loaded, values: valuesOf(saved), version: saved.version, audit: audit.entries });
      setNotice('Settings saved.');
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
      setPreview(await settingsApi.preview(days, draft));
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
          You can read these settings but not change them. Editing can be granted by: {loaded.admins.map(adminLabel).join(', ') || 'the user who installed Unrobot'}.
        </Alert>
      )}
      {error !== null && <Alert title="Not saved" variant="danger" testId="page-error">{error}</Alert>}
      {notice !== null && error === null && <Alert title="Done" variant="success">{notice}</Alert>}
      <RulesSection rules={loaded.rules} readOnly={readOnly} onChanged={onRuleChanged} />
      <Divider />
      <SettingsForm values={draft} readOnly={readOnly} onChange={(next) => { setDraft(next); setNotice(null); }} />
      <Flex direction="row" gap="small">
        <Button variant="primary" testId="save-settings" disabled={readOnly || saving} onClick={() => void save()}>
          {saving ? 'Saving…' : 'Save settings'}
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
