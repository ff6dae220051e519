import { z } from 'zod';
import { ACCOUNT_STATUSES, FAILURE_KINDS, PLATFORM_IDS, TARGET_STATUSES } from '../platforms.js';
import { TargetOverrides } from '../publishing/content.js';
import { Id, Timestamp } from './common.js';
import { zodMessage } from '../i18n.js';

/** A wall-clock time in the workspace's time zone, to the minute. */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: zodMessage({ en: 'must be a local date and time like 2026-03-29T09:30', de: 'muss ein lokales Datum mit Uhrzeit wie 2026-03-29T09:30 sein' }) })
  .meta({ description: "Wall-clock time in the workspace's time zone (YYYY-MM-DDTHH:mm)." });

export const TargetParams = z.strictObject({ workspaceId: Id, postId: Id, targetId: Id });

export const TargetInput = TargetOverrides.extend({ accountId: Id }).meta({ id: 'TargetInput' });

export const SetTargetsInput = z
  .strictObject({
    targets: z
      .array(TargetInput)
      .max(50, { message: zodMessage({ en: 'at most 50 accounts per post', de: 'höchstens 50 Konten pro Beitrag' }) })
      .refine((targets) => new Set(targets.map((target) => target.accountId)).size === targets.length, { message: zodMessage({ en: 'must not list the same account twice', de: 'darf dasselbe Konto nicht zweimal nennen' }) }),
  })
  .meta({ id: 'SetTargetsInput' });
export type SetTargetsInput = z.input<typeof SetTargetsInput>;

/**
 * When to publish. `at`: a wall-clock time in the workspace's time zone; a time skipped by a DST change
 * is refused, a time that occurs twice means its first occurrence. `queue`: the workspace's next free
 * weekly posting slot.
 */
export const ScheduleInput = z
  .discriminatedUnion('when', [
    z.strictObject({ when: z.literal('now'), allowDuplicate: z.boolean().optional() }),
    z.strictObject({ when: z.literal('at'), localTime: LocalDateTime, allowDuplicate: z.boolean().optional() }),
    z.strictObject({ when: z.literal('queue'), allowDuplicate: z.boolean().optional() }),
  ], { message: zodMessage({ en: 'must be "now", "at" or "queue"', de: 'muss "now", "at" oder "queue" sein' }) })
  .meta({ id: 'ScheduleInput', description: '`allowDuplicate`: publish even when the same text went to the same account within 24 hours.' });
export type ScheduleInput = z.input<typeof ScheduleInput>;

export const RetryTargetInput = z
  .strictObject({
    confirmNotPublished: z.boolean().optional().meta({
      description: 'Required (true) for an unconfirmed target: you checked the network and the post is not there.',
    }),
  })
  .meta({ id: 'RetryTargetInput' });

export const PostTarget = z
  .object({
    id: Id,
    postId: Id,
    platform: z.enum(PLATFORM_IDS),
    account: z.object({
      id: Id,
      name: z.string(),
      username: z.string().nullable(),
      avatarUrl: z.string().nullable(),
      status: z.enum(ACCOUNT_STATUSES),
    }),
    status: z.enum(TARGET_STATUSES),
    overrides: TargetOverrides,
    dueAt: Timestamp.nullable().meta({ description: 'When it is due, in UTC.' }),
    publishedAt: Timestamp.nullable(),
    remoteUrl: z.string().nullable(),
    failure: z.object({ kind: z.enum(FAILURE_KINDS), code: z.string().nullable(), message: z.string().nullable() }).nullable(),
    attempts: z.number().int(),
    updatedAt: Timestamp,
  })
  .meta({ id: 'PostTarget' });
export type PostTarget = z.output<typeof PostTarget>;

export const PostTargetList = z
  .object({ postId: Id, postStatus: z.string(), items: z.array(PostTarget) })
  .meta({ id: 'PostTargetList' });
export type PostTargetList = z.output<typeof PostTargetList>;

export const PostingSlot = z
  .strictObject({
    weekday: z.number().int().min(0).max(6).meta({ description: '0 = Sunday … 6 = Saturday.' }),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: zodMessage({ en: 'must be a time like 09:30', de: 'muss eine Uhrzeit wie 09:30 sein' }) }),
  })
  .meta({ id: 'PostingSlot' });
export type PostingSlot = z.output<typeof PostingSlot>;

export const WorkspaceSchedule = z
  .object({ timeZone: z.string(), postingSlots: z.array(PostingSlot) })
  .meta({ id: 'WorkspaceSchedule' });
export type WorkspaceSchedule = z.output<typeof WorkspaceSchedule>;

export const UpdateWorkspaceScheduleInput = z
  .strictObject({
    timeZone: z.string().trim().min(1).max(64).optional().meta({ description: 'IANA name, e.g. Europe/Berlin. Scheduled posts keep their instant.' }),
    postingSlots: z
      .array(PostingSlot)
      .max(168, { message: zodMessage({ en: 'at most 168 slots a week', de: 'höchstens 168 Zeiten pro Woche' }) })
      .refine((slots) => new Set(slots.map((slot) => `${slot.weekday} ${slot.time}`)).size === slots.length, { message: zodMessage({ en: 'must not list the same slot twice', de: 'darf dieselbe Zeit nicht zweimal nennen' }) })
      .optional(),
  })
  .refine((input) => input.timeZone !== undefined || input.postingSlots !== undefined, { message: zodMessage({ en: 'change at least one of timeZone, postingSlots', de: 'ändern Sie mindestens eines von timeZone, postingSlots' }) })
  .meta({ id: 'UpdateWorkspaceScheduleInput' });

export const NextQueueSlot = z
  .object({
    slot: z
      .object({ at: Timestamp, localTime: LocalDateTime, timeZone: z.string() })
      .nullable()
      .meta({ description: 'Null when the workspace has no posting slots.' }),
  })
  .meta({ id: 'NextQueueSlot' });
export type NextQueueSlot = z.output<typeof NextQueueSlot>;
