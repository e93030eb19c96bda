import type { z } from 'zod';
import type {
  archiveCardSchema,
  commandSchema,
  createCardSchema,
  moveCardSchema,
  restoreCardSchema,
  updateCardSchema,
} from './schemas';

export type CreateCardCommand = z.infer<typeof createCardSchema>;
export type UpdateCardCommand = z.infer<typeof updateCardSchema>;
export type MoveCardCommand = z.infer<typeof moveCardSchema>;
export type ArchiveCardCommand = z.infer<typeof archiveCardSchema>;
export type RestoreCardCommand = z.infer<typeof restoreCardSchema>;
export type Command = z.infer<typeof commandSchema>;
export type AddStageCommand = Extract<Command, { type: 'addStage' }>;
export type UpdateStageCommand = Extract<Command, { type: 'updateStage' }>;
export type CommandType = Command['type'];

/** A command as a client builds it, before the id is attached. */
export type CommandInput = Command extends infer C ? (C extends { id: string } ? Omit<C, 'id'> : never) : never;
