/**
 * Transaction origins for server-made changes. They look like Hocuspocus "local" origins
 * with store hooks skipped: Baton persists board documents itself (see DocumentPersister).
 */
export const serverOrigin = (what: 'command' | 'load' | 'repair', detail?: string) => ({
  source: 'local' as const,
  skipStoreHooks: true,
  context: { baton: what, detail },
});

/** Whether a transaction is a command's change (made with `serverOrigin('command')`). */
export const isCommandOrigin = (origin: unknown): boolean => (origin as { context?: { baton?: unknown } } | null)?.context?.baton === 'command';
