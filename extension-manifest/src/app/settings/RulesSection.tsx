/** The rules list: what each rule catches, a toggle, and its patterns with admin-readable errors. */
import { Button, Flex, Heading, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text, TextArea, Toggle } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { ApiError, settingsApi, type Rule } from './api.ts';

interface RulesSectionProps {
  rules: Rule[];
  readOnly: boolean;
  onChanged: (rule: Rule) => Promise<void> | void;
}

export function RulesSection({ rules, readOnly, onChanged }: RulesSectionProps) {
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [patterns, setPatterns] = useState<Record<string, string>>({});

  const patch = async (rule: Rule, change: { enabled?: boolean; patterns?: string[] }) => {
    try {
      const updated = await settingsApi.patchRule(rule.id, change);
      setProblems({ ...problems, [rule.id]: '' });
      await onChanged(updated);
    } catch (caught) {
      const message = caught instanceof ApiError && caught.problems.length > 0
        ? caught.problems.map((problem) => problem.message).join(' ')
        : caught instanceof Error ? caught.message : 'The rule was not saved.';
      setProblems({ ...problems, [rule.id]: message });
    }
  };

  return (
    <Flex direction="column" gap="small">
      <Heading>Rules</Heading>
      <Text>Each rule recognises one kind of robotic prompt. Switch a rule off to stop its cards.</Text>
      <Table bordered={true}>
        <TableHead>
          <TableRow>
            <TableHeader>Rule</TableHeader>
            <TableHeader>What it catches</TableHeader>
            <TableHeader>On</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {rules.map((rule) => (
            <TableRow key={rule.id}>
              <TableCell>{rule.name}</TableCell>
              <TableCell>{rule.description}</TableCell>
              <TableCell>
                <Toggle
                  label={`${rule.name} on`}
                  labelDisplay="hidden"
                  testId={`rule-toggle-${rule.id}`}
                  checked={rule.enabled}
                  readOnly={readOnly}
                  onChange={(checked) => void patch(rule, { enabled: checked })}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {rules.map((rule) => {
        const problem = problems[rule.id] ?? '';
        return (
          <Flex key={rule.id} direction="row" gap="small" align="end">
            <TextArea
              label={`Extra patterns for "${rule.name}" (one per line)`}
              name={`patterns-${rule.id}`}
              testId={`rule-patterns-${rule.id}`}
              value={patterns[rule.id] ?? rule.patterns.join('\n')}
              readOnly={readOnly}
              error={problem !== ''}
              validationMessage={problem}
              onChange={(value) => setPatterns({ ...patterns, [rule.id]: value })}
            />
            <Button
              testId={`rule-patterns-save-${rule.id}`}
              disabled={readOnly}
              onClick={() => void patch(rule, { patterns: (patterns[rule.id] ?? rule.patterns.join('\n')).split('\n').map((p) => p.trim()).filter((p) => p !== '') })}
            >
              Save patterns
            </Button>
          </Flex>
        );
      })}
    </Flex>
  );
}
