import type { ContainerDialect, ContainerState } from '../meta/containers.js';

/** Instagram's container fields: `status_code` holds the state, `status` the error detail. */
export const INSTAGRAM_CONTAINERS: ContainerDialect = {
  networkName: 'Instagram',
  statusFields: 'status_code,status',
  readStatus(json) {
    const body = json as { status_code?: ContainerState; status?: string };
    return { state: body.status_code ?? null, detail: body.status ?? null };
  },
  publishEdge: 'media_publish',
};
