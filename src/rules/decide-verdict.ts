import type { Analysis } from './classify-task.ts';
import { scoreGeneric, scorerFeatures, strongestGeneric } from './generic-scorer.ts';
import type { ScorerModel } from './generic-scorer.ts';
import { GENERIC_SCORER_MODEL } from './generic-scorer-model.ts';
import { scorerInputOf } from './scorer-input.ts';
import { wordsOf } from './compile-rules.ts';
import { VAGUE_WORK_RULE } from './default-rule-pack.ts';
import type { CompiledRules } from './compile-rules.ts';
import type { Classification, Thresholds } from './rule-schema.ts';

/** The note a verdict carries when it judged only part of a long subject or body. */
export const TRUNCATED_NOTE = 'Judged only the first 10,000 characters of a long subject or body.';
const NOTHING_LEFT = 'Nothing client-specific remains once names, dates, channels, template slots, bare pointers, punctuation, emoji and filler are removed.';

function round(value: number): number {
  return Math.round(Math.min(0.99, Math.max(0, value)) * 100) / 100;
}

function contentWords(analysis: Analysis): string[] {
  return analysis.segments.flatMap((segment) => segment.words.filter((word) => word.kind === 'content').map((word) => word.raw));
}

function notes(analysis: Analysis): string[] {
  const out: string[] = [];
  if (analysis.guessed.length > 0) out.push(`Took ${analysis.guessed.map((word) => `"${word}"`).join(', ')} to be a name.`);
  if (analysis.typos.length > 0) out.push(`Read ${analysis.typos.join(', ')} (typo).`);
  if (analysis.boilerplate.length > 0) out.push(`Ignored boilerplate in the body: ${analysis.boilerplate.map((line) => `"${Array.from(line).slice(0, 60).join('')}"`).join(', ')}.`);
  if (analysis.signature) out.push('Ignored the signature at the end of the body.');
  if (analysis.truncated) out.push(TRUNCATED_NOTE);
  return out;
}

function specific(confidence: number, matched: string[], reasons: string[], analysis: Analysis): Classification {
  return { robotic: false, confidence: round(confidence), ruleId: null, matched, reasons: [...reasons, ...notes(analysis)] };
}

function leftoverConfidence(count: number): number {
  return count >= 3 ? 0.95 : count === 2 ? 0.85 : 0.7;
}

const FEATURE_WORDING: Readonly<Record<string, (value: string) => string>> = {
  w: (value) => `"${value}"`,
  c: (value) => `"${value}"`,
  b: (value) => `"${value.replace('_', ' ')}"`,
  g: (value) => `words with "${value.replace(/[<>]/g, '')}"`,
  k: (value) => `a word read as ${value === 'verb' ? 'a contact verb' : value}`,
  left: (value) => `${value} word(s) left`,
  type: (value) => `a ${value} task`,
};

/** How a feature the scorer weighed reads in a reason ("w:touch" is "touch"). */
export function describeFeature(feature: string): string {
  const at = feature.indexOf(':');
  const wording = at > 0 ? FEATURE_WORDING[feature.slice(0, at)] : undefined;
  if (wording !== undefined) return wording(feature.slice(at + 1));
  return feature === 'template' ? 'template slots' : feature;
}

const sigmoid = (score: number): number => 1 / (1 + Math.exp(-score));

/** The trained scorer's verdict on the words the rules could not place, when it reads the prompt as generic wording. */
function learnedVerdict(analysis: Analysis, compiled: CompiledRules, leftover: readonly string[], quoted: string, matched: string[], thresholds: Thresholds, model: ScorerModel): Classification | undefined {
  // A topic keeps a prompt specific whatever the scorer thinks; nothing left is the rules' own call.
  if (analysis.scorerRule === undefined || leftover.length === 0 || analysis.excludedWords.length > 0) return undefined;
  // A word the admin took from the rules ("follow" when follow-up is off, a removed phrase, a rule
  // limited to other task types) stays what the admin made it: content.
  const keys = analysis.segments.flatMap((segment) => segment.words.filter((word) => word.kind === 'content').map((word) => word.key));
  const unfit = analysis.unfit.length > 0 ? new Set(wordsOf(analysis.unfit)) : undefined;
  if (keys.some((key) => compiled.disabledWords.has(key) || unfit?.has(key) === true)) return undefined;
  const features = scorerFeatures(scorerInputOf(analysis));
  const score = scoreGeneric(model, features);
  if (score < model.threshold) return undefined;
  const floor = sigmoid(model.threshold);
  const confidence = 0.55 + (0.4 * (sigmoid(score) - floor)) / (1 - floor);
  if (confidence < thresholds.minConfidence) return undefined;
  // Words speak before the shape of the prompt ("1 word(s) left"): they are what an admin can check.
  const wordy = (feature: string): boolean => /^[wbcg]:/.test(feature);
  const ranked = strongestGeneric(model, features, features.length);
  const strongest = [...ranked.filter(wordy), ...ranked.filter((feature) => !wordy(feature))].slice(0, 3).map(describeFeature).join(', ');
  const lead = `The rules left ${quoted}, and a scorer trained on labelled task prompts reads the prompt as generic wording (score ${score.toFixed(1)}, speaks from ${model.threshold}; weighing most: ${strongest}; rule “${analysis.scorerRule.name}”).`;
  return { robotic: true, confidence: round(confidence), ruleId: analysis.scorerRule.id, matched, reasons: [lead, ...notes(analysis)] };
}

/** Turns an analysis into a verdict with a confidence and reasons an admin can read. */
export function decide(analysis: Analysis, compiled: CompiledRules, thresholds: Thresholds, model: ScorerModel = GENERIC_SCORER_MODEL): Classification {
  if (analysis.empty) return { robotic: false, confidence: 0.99, ruleId: null, matched: [], reasons: ['The prompt is empty: no subject or body text to judge.', ...notes(analysis)] };
  const matched = [...new Set(analysis.hits.map((hit) => hit.phrase))];
  const leftover = contentWords(analysis);
  const quoted = `"${leftover.slice(0, 8).join(' ')}"`;
  if (analysis.excludedBy !== undefined && analysis.hits.length === 0) {
    return specific(0.95, matched, [`Mentions "${analysis.excludedBy}", which marks a specific purpose.`, ...(leftover.length > 0 ? [`Specific content: ${quoted}.`] : [])], analysis);
  }
  // Of several verbs ("send a quick intro"), a contact verb speaks before a general task verb.
  const first = analysis.hits.find((hit) => hit.ruleId !== VAGUE_WORK_RULE) ?? analysis.hits[0];
  const pointer = analysis.pointers[0];
  // Without a verb: a call task's type is its instruction, then unfilled slots, then nothing specific at all.
  const typed = analysis.bareRule !== undefined && analysis.bareRule.conditions.taskTypes.length > 0 ? analysis.bareRule : undefined;
  const rule = first !== undefined ? compiled.enabled.find((candidate) => candidate.id === first.ruleId) : (typed ?? analysis.templateRule ?? analysis.bareRule);
  if (rule === undefined || leftover.length > thresholds.maxSpecificWords) {
    const learned = learnedVerdict(analysis, compiled, leftover, quoted, matched, thresholds, model);
    if (learned !== undefined) return learned;
    if (leftover.length === 0) return specific(0.6, matched, ['No contact verb such as "follow up", "check in" or "call" was found.'], analysis);
    const why = first === undefined ? `No contact verb was found, and specific content remains: ${quoted}.` : `Specific content remains besides "${first.phrase}": ${quoted}.`;
    return specific(leftoverConfidence(leftover.length), matched, [why], analysis);
  }
  let confidence = first === undefined ? 0.75 : 0.9;
  if (analysis.automated) confidence += 0.05;
  if (analysis.typos.length > 0) confidence -= 0.1;
  if (analysis.guessed.length > 0) confidence -= 0.05;
  if (pointer !== undefined) confidence -= 0.05;
  confidence -= 0.15 * leftover.length;
  const lead = first !== undefined ? `Matched "${first.phrase}" (${rule.name}).` : `The rule “${rule.name}” applies: ${rule === analysis.templateRule ? 'only unfilled template slots were there' : rule.conditions.taskTypes.length > 0 ? 'the task type is the whole instruction' : 'no word of the task is about the client'}.`;
  const pointerRule = pointer !== undefined ? compiled.enabled.find((candidate) => candidate.id === pointer.ruleId) : undefined;
  const pointing = pointerRule !== undefined ? [`"${[...new Set(analysis.pointers.map((hit) => hit.phrase))].join('", "')}" only points at something earlier and says nothing about the client (${pointerRule.name}).`] : [];
  const rest = leftover.length > 0 ? `Allowed ${leftover.length} specific word(s): ${quoted}.` : NOTHING_LEFT;
  if (confidence < thresholds.minConfidence) {
    return specific(1 - confidence, matched, [`${lead} Confidence ${round(confidence)} is below the portal's threshold of ${thresholds.minConfidence}.`], analysis);
  }
  const credited = pointerRule ?? rule;
  const allMatched = [...new Set([...matched, ...analysis.pointers.map((hit) => hit.phrase)])];
  return { robotic: true, confidence: round(confidence), ruleId: credited.id, matched: allMatched, reasons: [lead, ...pointing, rest, ...notes(analysis)] };
}
