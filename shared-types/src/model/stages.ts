import type { StageId } from './ids';

export interface LocalizedLabel {
  en: string;
  zh: string;
}

export interface StageConfig {
  id: StageId;
  label: LocalizedLabel;
  /** CSS colour used for the column accent. */
  color: string;
}

const stage = (id: string, en: string, zh: string, color: string): StageConfig => ({
  id: id as StageId,
  label: { en, zh },
  color,
});

/** The standard B2B pipeline, in order. Reps cannot invent stage names. */
export const DEFAULT_STAGES: readonly StageConfig[] = Object.freeze([
  stage('lead', 'Lead', '线索', '#64748b'),
  stage('needs_confirmed', 'Needs confirmed', '需求确认', '#0ea5e9'),
  stage('solution_demo', 'Solution demo', '方案演示', '#8b5cf6'),
  stage('quote', 'Quote', '报价', '#f59e0b'),
  stage('negotiation', 'Negotiation', '谈判', '#ef4444'),
  stage('signed', 'Signed', '签约', '#10b981'),
]);

export const FIRST_STAGE_ID = 'lead' as StageId;

/** Position of a stage in the board's order, or -1 when the board has no such stage. */
export function stageIndex(stages: readonly StageConfig[], id: string): number {
  return stages.findIndex((s) => s.id === id);
}
