import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * This process's name (host, pid, random): the owner every lease it takes carries (publish targets, and
 * as a prefix the runs of data exports and imports), so a lease says which process holds it and a
 * shutdown can give back exactly its own (shutdown/release-leases.ts). Logged as `instance` at start.
 */
export const INSTANCE_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
