/** Stage commands keep their latest answer per stage id (see useTrackedCommands). */
export { useTrackedCommands as useStageCommands } from '../../sync/useTrackedCommands';
export type { CommandStatus } from '../../sync/useTrackedCommands';
