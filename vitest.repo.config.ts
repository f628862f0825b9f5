import { defineConfig } from 'vitest/config';

// Repo-wide tests (test/): checks across packages that no single package can make, e.g. the
// generated iam/ files against the AWS reference. Package tests run through nx.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'] },
});
