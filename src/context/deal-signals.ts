/** The deal in focus: how long it has sat in its stage, and how its close date sits against the quarter. */
import type { CrmSnapshot, Deal } from './crm-snapshot.ts';
import type { CloseDateSignal, StageAgeSignal } from './signals.ts';
import { cleanText } from './clean-text.ts';
import { daysSince, daysToQuarterEnd, daysUntil, median } from './time.ts';

/** The open deal closest to its close date (undated deals last); ties broken by id for determinism. */
export function primaryDeal(snapshot: CrmSnapshot): Deal | undefined {
  const open = snapshot.deals.filter((deal) => deal.isClosed !== true);
  return open.sort((a, b) => (a.closeDate ?? Infinity) - (b.closeDate ?? Infinity) || a.id.localeCompare(b.id))[0];
}

/** The median days in the deal's stage: the adapter's figure, or one computed from recent history. */
export function stageMedian(snapshot: CrmSnapshot, deal: Deal): { label?: string; medianDays?: number } {
  const stage = snapshot.pipelines
    .filter((pipeline) => deal.pipelineId === undefined || pipeline.id === deal.pipelineId)
    .flatMap((pipeline) => pipeline.stages)
    .find((candidate) => candidate.id === deal.stageId);
  if (stage === undefined) return {};
  const recent = stage.recentDays ?? [];
  const medianDays = stage.medianDays ?? (recent.length > 0 ? median(recent) : undefined);
  return { ...(stage.label === undefined ? {} : { label: stage.label }), ...(medianDays === undefined ? {} : { medianDays }) };
}

export function deriveStageAge(snapshot: CrmSnapshot, deal: Deal, now: number): StageAgeSignal | undefined {
  const stage = stageMedian(snapshot, deal);
  const stageLabel = cleanText(deal.stageLabel ?? stage.label ?? deal.stageId, 60);
  if (deal.stageEnteredAt === undefined || stageLabel === undefined) return undefined;
  const days = daysSince(deal.stageEnteredAt, now);
  const dealName = cleanText(deal.name, 60);
  const signal: StageAgeSignal = {
    dealId: deal.id,
    stageLabel,
    days,
    evidence: [{ part: 'deal', id: deal.id, property: `hs_date_entered_${deal.stageId ?? 'stage'}`, value: deal.stageEnteredAt }],
    freshness: { observedAt: deal.stageEnteredAt, ageDays: days },
    ...(dealName === undefined ? {} : { dealName }),
  };
  if (stage.medianDays !== undefined && stage.medianDays > 0) {
    signal.medianDays = Math.round(stage.medianDays);
    signal.multiple = days / stage.medianDays;
    signal.evidence.push({ part: 'pipeline', id: deal.pipelineId ?? '', property: 'median_days_in_stage', value: signal.medianDays });
  }
  return signal;
}

/** How many times the close date moved later, reading the property history oldest first. */
function countPushes(deal: Deal): number {
  const history = [...(deal.closeDateHistory ?? [])].sort((a, b) => a.changedAt - b.changedAt);
  return history.filter((change, index) => index > 0 && change.value > (history[index - 1] as { value: number }).value).length;
}

export function deriveCloseDate(snapshot: CrmSnapshot, deal: Deal, now: number): CloseDateSignal | undefined {
  if (deal.closeDate === undefined) return undefined;
  const daysToClose = daysUntil(deal.closeDate, now);
  const quarterEnd = daysToQuarterEnd(now, snapshot.portal.utcOffsetMilliseconds ?? 0, snapshot.portal.fiscalYearStartMonth ?? 1);
  const dealName = cleanText(deal.name, 60);
  const pushedCount = countPushes(deal);
  const changes = (deal.closeDateHistory ?? []).map((change) => change.changedAt);
  const lastChange = changes.length === 0 ? undefined : Math.max(...changes);
  return {
    dealId: deal.id,
    daysToClose,
    daysToQuarterEnd: quarterEnd,
    atQuarterEnd: daysToClose >= 0 && quarterEnd - daysToClose >= 0 && quarterEnd - daysToClose <= 14,
    pushedCount,
    evidence: [
      { part: 'deal', id: deal.id, property: 'closedate', value: deal.closeDate },
      { part: 'deal', id: deal.id, property: 'closedate_pushes', value: pushedCount },
    ],
    freshness: lastChange === undefined ? {} : { observedAt: lastChange, ageDays: daysSince(lastChange, now) },
    ...(dealName === undefined ? {} : { dealName }),
  };
}
