/**
 * The rules list: what each rule catches, how many recent tasks it recognised, its phrases (or, for
 * a pointer rule, its pointers), a toggle, and its patterns with admin-readable errors. What each
 * row says and what a save sends come from page-model.ts; this file only lays them out.
 */
import { Accordion, Button, Flex, Heading, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text, TextArea, Toggle } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { settingsApi, type Rule } from './api.ts';
import { patternLines, problemMessages, rulePatch, ruleRow, type RuleCounts, type RuleEdit } from './page-model.ts';

interface RulesSectionProps {
  rules: Rule[];
  counts: RuleCounts | null;
  readOnly: boolean;
  onChanged: (rule: Rule) => Promise<void> | void;
}

export function RulesSection({ rules, counts, readOnly, onChanged }: RulesSectionProps) {
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [patterns, setPatterns] = useState<Record<string, string>>({});

  const save = async (rule: Rule, edit: RuleEdit) => {
    const patch = rulePatch(rule, edit);
    if (patch === null) return;
    try {
      const updated = await settingsApi.patchRule(rule.id, patch);
      setProblems({ ...problems, [rule.id]: '' });
      await onChanged(updated);
    } catch (caught) {
      setProblems({ ...problems, [rule.id]: problemMessages(caught).join(' ') });
    }
  };

  const rows = rules.map((rule) => ({ rule, row: ruleRow(rule, { counts }) }));
  return (
    <Flex direction="column" gap="small">
      <Heading>Rules</Heading>
      <Text>Each rule recognises one kind of robotic prompt. Switch a rule off to stop its cards.</Text>
      <Table bordered={true} testId="rule-list">
        <TableHead>
          <TableRow>
            <TableHeader>Rule</TableHeader>
            <TableHeader>What it catches</TableHeader>
            <TableHeader>Recent tasks</TableHeader>
            <TableHeader>On</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(({ rule, row }) => (
            <TableRow key={row.id}>
              <TableCell>{row.name}</TableCell>
              <TableCell>
                <Text>{row.description}</Text>
                <Accordion title={row.words.Plural} size="xs" testId={`rule-phrases-${row.id}`}>
                  {row.phraseLists.map((list) => <Text key={list.locale} variant="microcopy">{`${row.words.Plural} (${list.locale}): ${list.text}`}</Text>)}
                </Accordion>
              </TableCell>
              <TableCell><Text testId={`rule-count-${row.id}`}>{row.recognised}</Text></TableCell>
              <TableCell>
                <Toggle
                  label={`${row.name} on`}
                  labelDisplay="hidden"
                  testId={`rule-toggle-${row.id}`}
                  checked={row.enabled}
                  readOnly={readOnly}
                  onChange={(checked) => void save(rule, { enabled: checked })}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {rows.map(({ rule, row }) => {
        const problem = problems[row.id] ?? '';
        return (
          <Flex key={row.id} direction="row" gap="small" align="end">
            <TextArea
              label={`Extra patterns for "${row.name}" (one per line)`}
              name={`patterns-${row.id}`}
              testId={`rule-patterns-${row.id}`}
              value={patterns[row.id] ?? row.patterns}
              readOnly={readOnly}
              error={problem !== ''}
              validationMessage={problem}
              onChange={(value) => setPatterns({ ...patterns, [row.id]: value })}
            />
            <Button
              testId={`rule-patterns-save-${row.id}`}
              disabled={readOnly}
              onClick={() => void save(rule, { patterns: patternLines(patterns[row.id] ?? row.patterns) })}
            >
              Save patterns
            </Button>
          </Flex>
        );
      })}
    </Flex>
  );
}
