/** Branded identifiers: a CardId cannot be passed where a UserId is expected. */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type CardId = Brand<string, 'CardId'>;
export type BoardId = Brand<string, 'BoardId'>;
export type UserId = Brand<string, 'UserId'>;
export type CommandId = Brand<string, 'CommandId'>;
export type StageId = Brand<string, 'StageId'>;

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Board ids and user ids are short slugs (`demo`, `sales2`) or UUIDs. */
export const SLUG_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,63}$/;
export const STAGE_ID_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

export const asCardId = (s: string) => s as CardId;
export const asBoardId = (s: string) => s as BoardId;
export const asUserId = (s: string) => s as UserId;
export const asCommandId = (s: string) => s as CommandId;
export const asStageId = (s: string) => s as StageId;
