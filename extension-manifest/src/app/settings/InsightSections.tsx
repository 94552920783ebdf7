/** Read-only sections: the dry-run preview, the last 7 days' numbers and the audit log. */
import { BarChart, Button, DescriptionList, DescriptionListItem, Flex, Heading, List, Statistics, StatisticsItem, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text, Tile } from '@hubspot/ui-extensions';
import { formatRate, type Analytics, type AuditEntry, type PreviewResult } from './api.ts';

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
      {result !== null && (
        <Flex direction="column" gap="small" testId="preview-result">
          <Statistics>
            <StatisticsItem label="Tasks read" number={String(result.tasksScanned)} />
            <StatisticsItem label="Robotic prompts" number={String(result.robotic)} />
            <StatisticsItem label="Cards that would be posted" number={String(result.cards)} />
          </Statistics>
          <Table>
            <TableHead><TableRow><TableHeader>Rule</TableHeader><TableHeader>Matched</TableHeader><TableHeader>Cards</TableHeader></TableRow></TableHead>
            <TableBody>
              {result.byRule.map((row) => (
                <TableRow key={row.ruleId}><TableCell>{row.ruleName}</TableCell><TableCell>{row.matched}</TableCell><TableCell>{row.cards}</TableCell></TableRow>
              ))}
            </TableBody>
          </Table>
          {result.examples.map((card, index) => (
            <Tile key={`${card.ruleId}-${index}`} compact={true}>
              <Text format={{ fontWeight: 'bold' }}>{card.headline}</Text>
              <Text variant="microcopy">Instead of: {card.taskSubject} · rule: {card.ruleName}</Text>
              <List variant="unordered">{card.questions.map((question) => <Text key={question}>{question}</Text>)}</List>
              <Text variant="microcopy">Why this card: {card.why}</Text>
            </Tile>
          ))}
        </Flex>
      )}
    </Flex>
  );
}

export function AnalyticsSection({ analytics }: { analytics: Analytics }) {
  return (
    <Flex direction="column" gap="small">
      <Heading>Last {analytics.days} days</Heading>
      <Statistics>
        <StatisticsItem label="Cards delivered" number={String(analytics.totals.delivered)} />
        <StatisticsItem label="Tasks skipped" number={String(analytics.totals.skipped)} />
        <StatisticsItem label="Found helpful" number={formatRate(analytics.totals.helpfulRate)} />
      </Statistics>
      <BarChart
        data={analytics.deliveredPerDay}
        axes={{ x: { field: 'date', fieldType: 'category', label: 'Day' }, y: { field: 'delivered', fieldType: 'linear', label: 'Cards' } }}
        options={{ title: 'Cards per day' }}
      />
      <DescriptionList direction="row">
        {analytics.skipsByReason.map((skip) => (
          <DescriptionListItem key={skip.reason} label={`Skipped: ${skip.reason}`}><Text>{skip.count}</Text></DescriptionListItem>
        ))}
      </DescriptionList>
      <Table>
        <TableHead><TableRow><TableHeader>Rule</TableHeader><TableHeader>Delivered</TableHeader><TableHeader>Helpful</TableHeader></TableRow></TableHead>
        <TableBody>
          {analytics.byRule.map((row) => (
            <TableRow key={row.ruleId}><TableCell>{row.ruleName}</TableCell><TableCell>{row.delivered}</TableCell><TableCell>{formatRate(row.helpfulRate)}</TableCell></TableRow>
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
      {entries.length === 0 && <Text>No changes yet.</Text>}
      {entries.length > 0 && (
        <Table testId="audit-log">
          <TableHead><TableRow><TableHeader>When</TableHeader><TableHeader>Who</TableHeader><TableHeader>What</TableHeader></TableRow></TableHead>
          <TableBody>
            {entries.map((entry) => (
              <TableRow key={entry.id}>
                <TableCell>{entry.at.replace('T', ' ').slice(0, 16)} UTC</TableCell>
                <TableCell>{entry.actor.email ?? entry.actor.userId ?? entry.actor.via}</TableCell>
                <TableCell>{entry.action} {entry.target}: {entry.changes.map((c) => `${c.path} ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`).join('; ')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Flex>
  );
}
