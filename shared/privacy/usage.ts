/**
 * Usage statistics (P7): the features we count. A closed list, so an event never carries free text
 * that could hold personal data, and the extension and the service agree on the names.
 */
export const USAGE_EVENT_NAMES = [
  'popup.opened',
  'options.opened',
  'dashboard.opened',
  'capture.saved',
  'draft.saved',
  'post.published',
  'post.scheduled',
  'post.queued',
  'import.started',
  'media.uploaded',
] as const;

export type UsageEventName = (typeof USAGE_EVENT_NAMES)[number];

/** Where in the extension an event happened. */
export const USAGE_CLIENTS = ['popup', 'options', 'dashboard', 'background'] as const;
export type UsageClient = (typeof USAGE_CLIENTS)[number];

/** Usage statistics are kept this long (P19: 26 months), then the purge job deletes them. */
export const USAGE_RETENTION_MONTHS = 26;

/** The most events one batch may carry. */
export const USAGE_BATCH_MAX = 100;
