import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { Id, PageQuery, Timestamp, text } from './common.js';
import { MediaFetch, PostMedia } from './media.js';
import { MEDIA_PER_POST_MAX } from '../media-types.js';
import { bilingual, zodMessage } from '../i18n.js';

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
          .min(1, { message: zodMessage({ en: 'must not be empty', de: 'darf nicht leer sein' }) })
          .max(LIMITS.hashtagLength)
          .regex(/^[\p{L}\p{N}_]+$/u, { message: zodMessage({ en: 'may contain only letters, digits and underscores', de: 'darf nur Buchstaben, Ziffern und Unterstriche enthalten' }) }),
      ),
  )
  .max(LIMITS.hashtagsPerPost, { message: zodMessage(bilingual({ en: 'at most {max} hashtags', de: 'höchstens {max} Hashtags' }, { max: LIMITS.hashtagsPerPost })) });

/** Where a draft came from: the capture that created it, kept as provenance. */
export const PostSource = z
  .object({
    kind: z.enum(['page', 'selection', 'link', 'image', 'video']),
    url: z.string(),
    title: z.string().nullable(),
    selectionText: z.string().nullable(),
    linkUrl: z.string().nullable(),
    linkText: z.string().nullable(),
    imageUrl: z.string().nullable(),
    imageAlt: z.string().nullable(),
    videoUrl: z.string().optional().meta({ description: 'Video captures only: the address of the video file.' }),
    videoTitle: z.string().nullable().optional().meta({ description: 'Video captures only: the video’s own title, when the page gave one.' }),
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
    mediaFetch: MediaFetch.nullable().meta({ description: "Image and video captures only: fetching the captured file into the library." }),
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
      .max(MEDIA_PER_POST_MAX, { message: zodMessage(bilingual({ en: 'at most {max} media per post', de: 'höchstens {max} Medien pro Beitrag' }, { max: MEDIA_PER_POST_MAX })) })
      .refine((ids) => new Set(ids).size === ids.length, { message: zodMessage({ en: 'must not list the same media twice', de: 'darf dasselbe Medium nicht zweimal nennen' }) })
      .optional()
      .meta({ description: "The post's media in order (ids from this workspace's library); replaces the current list." }),
  })
  .refine((input) => Object.keys(input).length > 0, { message: zodMessage({ en: 'change at least one of title, body, hashtags, mediaIds', de: 'ändern Sie mindestens eines von title, body, hashtags, mediaIds' }) })
  .meta({ id: 'UpdatePostInput' });
export type UpdatePostInput = z.input<typeof UpdatePostInput>;

