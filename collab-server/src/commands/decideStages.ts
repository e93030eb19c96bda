import {
  canDoOnBoard,
  EVENT_TYPES,
  CARD_FIELDS,
  isCardFieldName,
  ok,
  refuse,
  stageIndex,
  type Command,
  type Requirement,
  type Result,
  type StageConfig,
} from '@baton/shared-types';
import type { Decision, DecisionContext } from './context';

type StageCommand = Extract<Command, { type: 'addStage' | 'updateStage' | 'moveStage' | 'retireStage' }>;

/** Every field requirement must name a card field people fill in, or a custom field some stage defines. */
function checkRequirements(stages: readonly StageConfig[]): Result<true> {
  const customKeys = new Set(stages.flatMap((s) => s.customFields.map((f) => f.key)));
  for (const stage of stages) {
    for (const req of stage.requirements as Requirement[]) {
      if (req.kind !== 'field') continue;
      if (req.field.startsWith('custom.')) {
        if (!customKeys.has(req.field.slice(7))) return refuse('invalid', `'${stage.label.en}' requires an undefined custom field '${req.field.slice(7)}'`);
      } else if (!isCardFieldName(req.field) || !['editor', 'reassign'].includes(CARD_FIELDS[req.field].write)) {
        return refuse('invalid', `'${stage.label.en}' requires '${req.field}', which is not a field people fill in`);
      }
    }
  }
  const keys = stages.flatMap((s) => s.customFields.map((f) => f.key));
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  return dup ? refuse('invalid', `Custom field '${dup}' is defined twice`) : ok(true);
}

function replaceStages(ctx: DecisionContext, next: StageConfig[], type: string, data: Record<string, unknown>): Result<Decision> {
  const valid = checkRequirements(next);
  if (!valid.ok) return valid;
  if (!next.some((s) => !s.retired)) return refuse('conflict', 'A board needs at least one stage');
  return ok({ effects: [{ op: 'setStages', stages: next }], events: [{ cardId: null, type, data }], result: { stages: next.map((s) => s.id) } });
}

/** Stage configuration: ops and admin add, change, reorder and retire stages through commands. */
export function decideStage(cmd: StageCommand, ctx: DecisionContext): Result<Decision> {
  const allowed = canDoOnBoard(ctx.actor, 'configureStages');
  if (!allowed.ok) return allowed;
  const stages = [...ctx.stages];
  switch (cmd.type) {
    case 'addStage': {
      if (stageIndex(stages, cmd.stage.id) >= 0) return refuse('conflict', `A stage with id '${cmd.stage.id}' already exists`);
      const stage: StageConfig = {
        requirements: [],
        wipLimit: null,
        approverRole: null,
        customFields: [],
        ...cmd.stage,
        id: cmd.stage.id as StageConfig['id'],
        retired: false,
      };
      const at = cmd.afterStageId === undefined ? stages.length : stageIndex(stages, cmd.afterStageId) + 1;
      if (at === 0) return refuse('not_found', `There is no stage '${cmd.afterStageId}' to insert after`);
      stages.splice(at, 0, stage);
      return replaceStages(ctx, stages, EVENT_TYPES.stageAdded, { stage, index: at });
    }
    case 'updateStage': {
      const i = stageIndex(stages, cmd.stageId);
      const before = stages[i];
      if (!before || before.retired) return refuse('not_found', `There is no stage '${cmd.stageId}'`);
      const after = { ...before, ...cmd.changes } as StageConfig;
      stages[i] = after;
      return replaceStages(ctx, stages, EVENT_TYPES.stageUpdated, { stageId: cmd.stageId, before, after });
    }
    case 'moveStage': {
      const i = stageIndex(stages, cmd.stageId);
      const stage = stages[i];
      if (!stage || stage.retired) return refuse('not_found', `There is no stage '${cmd.stageId}'`);
      stages.splice(i, 1);
      stages.splice(Math.min(cmd.toIndex, stages.length), 0, stage);
      return replaceStages(ctx, stages, EVENT_TYPES.stageMoved, { stageId: cmd.stageId, from: i, to: Math.min(cmd.toIndex, stages.length - 1) });
    }
    case 'retireStage': {
      const i = stageIndex(stages, cmd.stageId);
      const stage = stages[i];
      if (!stage || stage.retired) return refuse('not_found', `There is no stage '${cmd.stageId}'`);
      const count = ctx.column(cmd.stageId).filter((c) => !c.archived).length;
      if (count > 0) {
        return refuse('conflict', `${count} card${count === 1 ? ' is' : 's are'} still in ${stage.label.en}; move ${count === 1 ? 'it' : 'them'} first`, {
          count,
        });
      }
      stages[i] = { ...stage, retired: true };
      return replaceStages(ctx, stages, EVENT_TYPES.stageRetired, { stageId: cmd.stageId });
    }
  }
}
