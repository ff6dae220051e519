import type { ContainerDialect, ContainerState } from '../meta/containers.js';

/** Threads' container fields: `status` holds the state, `error_message` the reason of an ERROR. */
export const THREADS_CONTAINERS: ContainerDialect = {
  networkName: 'Threads',
  statusFields: 'status,error_message',
  readStatus(json) {
    const body = json as { status?: ContainerState; error_message?: string };
    return { state: body.status ?? null, detail: body.error_message ?? null };
  },
  publishEdge: 'threads_publish',
};
