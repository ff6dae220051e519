import type { Endpoint } from '../endpoint.js';
import { UsageBatchInput, UsageBatchResult } from '../usage.js';

export const usageEndpoints = {
  recordUsageEvents: {
    method: 'POST', path: '/api/v1/me/usage-events', tag: 'me', auth: 'session',
    summary: 'Usage statistics from the extension (P7): stored only while you allow them, with your IP address shortened; kept 26 months.',
    body: UsageBatchInput, response: UsageBatchResult, status: 202,
  },
} as const satisfies Record<string, Endpoint>;
