/** Read-only sections: the dry-run preview, the last 7 days' numbers and the audit log, laid out from page-model.ts's views. */
import { BarChart, Button, DescriptionList, DescriptionListItem, Flex, Heading, List, Statistics, StatisticsItem, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text, Tile } from '@hubspot/ui-extensions';
import type { Analytics, AuditEntry, PreviewResult } from './api.ts';
import { analyticsView, auditLine, pageMessages, previewView } from './page-model.ts';

interface PreviewSectionProps {
  result: PreviewResult | null;
  running: boolean;
  onRun: (days: number) => void;
}

export function PreviewSection({ result, running, onRun }: PreviewSectionProps) {
  return (
    <Flex direction="column" gap="small">
      <Heading>Preview before saving</Heading>
      <Text>See what the settings above, saved or not, would have produced over the last 7 days. Nothing is posted.</Text>
      <Button testId="run-preview" disabled={running} onClick={() => onRun(7)}>{running ? 'Running preview…' : 'Preview the last 7 days'}</Button>
      {result !== null && <PreviewTable result={result} />}
    </Flex>
  );
}

function PreviewTable({ result }: { result: PreviewResult }) {
  const view = previewView(result);
  return (
    <Flex direction="column" gap="small" testId="preview-result">
      <Text>{view.summary}</Text>
      <Text variant="microcopy">{view.source}</Text>
      <Table testId="preview-by-rule">
        <TableHead><TableRow><TableHeader>Rule</TableHeader><TableHeader>Matched</TableHeader><TableHeader>Cards</TableHeader></TableRow></TableHead>
        <TableBody>
          {view.rows.map((row) => (
            <TableRow key={row.ruleId}><TableCell>{row.ruleName}</TableCell><TableCell>{row.matched}</TableCell><TableCell>{row.cards}</TableCell></TableRow>
          ))}
        </TableBody>
      </Table>
      <Text>{view.skipped}</Text>
      {view.noExamples !== null && <Text>{view.noExamples}</Text>}
      {view.examples.map((card, index) => (
        <Tile key={`${card.ruleId}-${index}`} compact={true}>
          <Text format={{ fontWeight: 'bold' }}>{card.headline}</Text>
          <Text variant="microcopy">Instead of: {card.taskSubject} · rule: {card.ruleName}</Text>
          <List variant="unordered">{card.questions.map((question) => <Text key={question}>{question}</Text>)}</List>
          <Text variant="microcopy">Why this card: {card.why}</Text>
        </Tile>
      ))}
    </Flex>
  );
}

export function AnalyticsSection({ analytics }: { analytics: Analytics }) {
  const view = analyticsView(analytics);
  return (
    <Flex direction="column" gap="small">
      <Heading>Last {analytics.days} days</Heading>
      <Text variant="microcopy">{view.summary}</Text>
      <Statistics>
        {view.totals.map((total) => <StatisticsItem key={total.label} label={total.label} number={total.value} />)}
      </Statistics>
      <BarChart
        data={view.perDay}
        axes={{ x: { field: 'label', fieldType: 'category', label: 'Day' }, y: { field: 'value', fieldType: 'linear', label: 'Cards' } }}
        options={{ title: 'Cards per day' }}
      />
      <DescriptionList direction="row">
        {view.skips.map((skip) => (
          <DescriptionListItem key={skip.label} label={`Skipped: ${skip.label}`}><Text>{skip.value}</Text></DescriptionListItem>
        ))}
      </DescriptionList>
      <Table>
        <TableHead><TableRow><TableHeader>Rule</TableHeader><TableHeader>Delivered</TableHeader><TableHeader>Helpful</TableHeader></TableRow></TableHead>
        <TableBody>
          {view.byRule.map((row) => (
            <TableRow key={row.ruleId}><TableCell>{row.label}</TableCell><TableCell>{row.delivered}</TableCell><TableCell>{row.helpful}</TableCell></TableRow>
          ))}
        </TableBody>
      </Table>
    </Flex>
  );
}

export function AuditSection({ entries }: { entries: AuditEntry[] }) {
  return (
    <Flex direction="column" gap="small">
      <Heading>Changes</Heading>
      {entries.length === 0 && <Text>{pageMessages.noAudit}</Text>}
      {entries.length > 0 && (
        <Table testId="audit-log">
          <TableHead><TableRow><TableHeader>When</TableHeader><TableHeader>Who</TableHeader><TableHeader>What</TableHeader></TableRow></TableHead>
          <TableBody>
            {entries.map((entry) => {
              const line = auditLine(entry);
              return (
                <TableRow key={entry.id}>
                  <TableCell>{entry.at.replace('T', ' ').slice(0, 16)} UTC</TableCell>
                  <TableCell>{line.who}</TableCell>
                  <TableCell>{line.what}: {line.changes.join('; ')}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </Flex>
  );
}
