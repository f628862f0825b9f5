import { createTestHost, itProvesIamExact } from '@workspaces-euc-mcp/testing';
import { plugin } from './index.js';

itProvesIamExact({
  host: () => createTestHost({ plugins: [plugin], estate: { desktops: 30 } }),
  scenarios: [{ tool: 'list_workspace_directories', input: {} }],
  withoutErrors: true,
});
