export type {
  AttachmentRecord,
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
