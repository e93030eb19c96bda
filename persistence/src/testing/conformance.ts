// The behaviour every Store backend must show. Run it from a backend's test file:
//   runStoreConformance('sqlite', async () => ({ store, reopen, cleanup }));
import { afterEach, beforeEach, describe } from 'vitest';
import type { Store } from '../Store';
import type { SuiteContext } from './fixtures';
import { describeAlerts } from './suites/alerts';
import { describeBackup } from './suites/backup';
import { describeAttachments } from './suites/attachments';
import { describeCommandBatch } from './suites/commandBatch';
import { describeCommands } from './suites/commands';
import { describeDirectory } from './suites/directory';
import { describeDocuments } from './suites/documents';
import { describeEvents } from './suites/events';
import { describeCoordination } from './suites/coordination';

export interface StoreHarness {
  /** A store over empty storage that belongs to this test alone. */
  store: Store;
  /** Opens the same storage again (the suite closes the previous store first). */
  reopen: () => Promise<Store>;
  /** Removes the storage; called after every store of the test is closed. */
  cleanup: () => Promise<void>;
}

export type StoreFactory = () => Promise<StoreHarness>;

export function runStoreConformance(label: string, factory: StoreFactory): void {
  describe(`Store conformance (${label})`, () => {
    let harness: StoreHarness | null = null;
    let current: Store | null = null;
    let opened: Store[] = [];

    beforeEach(async () => {
      harness = await factory();
      current = harness.store;
      opened = [current];
    });

    afterEach(async () => {
      for (const store of opened) await store.close();
      opened = [];
      current = null;
      const h = harness;
      harness = null;
      if (h) await h.cleanup();
    });

    const ctx: SuiteContext = {
      get store(): Store {
        if (!current) throw new Error('no store: used outside a test');
        return current;
      },
      async reopen(): Promise<Store> {
        if (!harness || !current) throw new Error('no store: used outside a test');
        await current.close();
        current = await harness.reopen();
        opened.push(current);
        return current;
      },
    };

    describeDocuments(ctx);
    describeCommands(ctx);
    describeCommandBatch(ctx);
    describeEvents(ctx);
    describeDirectory(ctx);
    describeCoordination(ctx);
    describeAttachments(ctx);
    describeAlerts(ctx);
    describeBackup(ctx);
  });
}
