import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { Id, PageQuery, Timestamp, text } from './common.js';
import { MEDIA_PER_POST_MAX, MediaFetch, PostMedia } from './media.js';

/** 'scheduled', 'published' and 'failed' summarise the post's targets (publishing); media used by a scheduled post cannot be deleted. */
export const POST_STATUSES = ['draft', 'scheduled', 'published', 'failed', 'archived'] as const;
export const PostStatus = z.enum(POST_STATUSES);
export type PostStatus = z.output<typeof PostStatus>;

/** Hashtags are stored without their `#`; one given with it is accepted and stripped. */
export const Hashtags = z
  .array(
    z
      .string()
      .trim()
      .transform((tag) => tag.replace(/^#/, ''))
      .pipe(
        z
          .string()
          .min(1, { message: 'must not be empty' })
          .max(LIMITS.hashtagLength)
          .regex(/^[\p{L}\p{N}_]+$/u, { message: 'may contain only letters, digits and underscores' }),
      ),
  )
  .max(LIMITS.hashtagsPerPost, { message: `at most ${LIMITS.hashtagsPerPost} hashtags` });

/** Where a draft came from: the capture that created it, kept as provenance. */
export const PostSource = z
  .object({
    kind: z.enum(['page', 'selection', 'link', 'image']),
    url: z.string(),
    title: z.string().nullable(),
    selectionText: z.string().nullable(),
    linkUrl: z.string().nullable(),
    linkText: z.string().nullable(),
    imageUrl: z.string().nullable(),
    imageAlt: z.string().nullable(),
    page: z
      .object({
        canonicalUrl: z.string().optional(),
        ogTitle: z.string().optional(),
        ogDescription: z.string().optional(),
        ogImage: z.string().optional(),
        siteName: z.string().optional(),
        author: z.string().optional(),
      })
      .nullable(),
    capturedAt: Timestamp,
  })
  .meta({ id: 'PostSource' });
export type PostSource = z.output<typeof PostSource>;

export const Post = z
  .object({
    id: Id,
    workspaceId: Id,
    status: PostStatus,
    title: z.string().nullable(),
    body: z.string(),
    hashtags: z.array(z.string()),
    source: PostSource.nullable(),
    media: z.array(PostMedia).meta({ description: 'The media of the post, in order.' }),
    mediaFetch: MediaFetch.nullable().meta({ description: "Image captures only: fetching the captured image into the library." }),
    createdBy: z.object({ id: Id, firstName: z.string(), lastName: z.string() }).nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    archivedAt: Timestamp.nullable(),
  })
  .meta({ id: 'Post' });
export type Post = z.output<typeof Post>;

export const PostPage = z
  .object({ items: z.array(Post), nextCursor: z.string().nullable() })
  .meta({ id: 'PostPage' });
export type PostPage = z.output<typeof PostPage>;

export const CaptureResult = z
  .object({
    post: Post,
    duplicate: z.boolean().meta({ description: 'True when this clientId was already captured: nothing new was created.' }),
  })
  .meta({ id: 'CaptureResult' });
export type CaptureResult = z.output<typeof CaptureResult>;

export const ListPostsQuery = PageQuery.extend({ status: PostStatus.optional() });
export type ListPostsQuery = z.input<typeof ListPostsQuery>;

export const PostParams = z.strictObject({ workspaceId: Id, postId: Id });

export const UpdatePostInput = z
  .strictObject({
    title: text(LIMITS.titleLength).nullable().optional(),
    body: text(LIMITS.postBodyLength).optional(),
    hashtags: Hashtags.optional(),
    mediaIds: z
      .array(Id)
      .max(MEDIA_PER_POST_MAX, { message: `at most ${MEDIA_PER_POST_MAX} media per post` })
      .refine((ids) => new Set(ids).size === ids.length, { message: 'must not list the same media twice' })
      .optional()
      .meta({ description: "The post's media in order (ids from this workspace's library); replaces the current list." }),
  })
  .refine((input) => Object.keys(input).length > 0, { message: 'change at least one of title, body, hashtags, mediaIds' })
  .meta({ id: 'UpdatePostInput' });
export type UpdatePostInput = z.input<typeof UpdatePostInput>;

