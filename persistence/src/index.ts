export type {
  BoardRecord,
  CommandRecord,
  CommitResult,
  EventQuery,
  EventRecord,
  LoadedDocument,
  Store,
  StoredCommand,
  StoredEvent,
  StoredUpdate,
  UserRecord,
} from './Store';
