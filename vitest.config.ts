import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['shared-types', 'persistence', 'collab-server', 'client', 'e2e'],
  },
});
