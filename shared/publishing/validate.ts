import type { z } from 'zod';
import { type Bilingual, bilingual, fromZodMessage } from '../i18n.js';
import { PLATFORM_NAMES, type PlatformId } from '../platforms.js';
import type { TargetContent } from './content.js';
import { type ContentIssue, issue as contentIssue, type Issue } from './issues.js';
import { type InstagramFormat, OPTION_SCHEMAS } from './options.js';
import { mediaIssues } from './validate-media.js';
import { textIssues } from './validate-text.js';

/** A target to check: where it goes and what it would publish. */
export interface TargetToValidate {
  accountId: string;
  platform: PlatformId;
  content: TargetContent;
}

/**
 * Every way `target`'s content breaks its network's rules (empty: it can be published as far as we can
 * tell): text length as the network counts it, hashtags and mentions, title, first comment, thread parts,
 * media count/type/size/duration/aspect, required fields and the network's options.
 */
export function validateTarget(target: TargetToValidate): ContentIssue[] {
  const { platform, content } = target;
  const options = OPTION_SCHEMAS[platform].safeParse(content.options);
  const issues: Issue[] = [
    ...textIssues(platform, content),
    ...mediaIssues(platform, content.media, platform === 'instagram' && options.success ? (options.data as { format?: InstagramFormat }).format : undefined),
    ...(options.success ? [] : optionIssues(platform, options.error)),
  ];
  return issues.map((issue) => ({ target: { accountId: target.accountId, platform }, ...issue }));
}

/** The options of a target as its network's schema reads them (defaults applied); throws on invalid ones. */
export function parseOptions(platform: PlatformId, options: Record<string, unknown>): Record<string, unknown> {
  return OPTION_SCHEMAS[platform].parse(options) as Record<string, unknown>;
}

function optionIssues(platform: PlatformId, error: z.ZodError): Issue[] {
  const name = PLATFORM_NAMES[platform];
  return error.issues.flatMap((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [issue.path.map(String).join('.')];
    return keys.map((key) => contentIssue('option_invalid', `options.${key}`, issue.code === 'unrecognized_keys'
      ? bilingual({ en: '{name} has no option “{key}”.', de: '{name} hat keine Option „{key}“.' }, { name, key })
      : bilingual({ en: '{name} option “{key}” {problem}.', de: '{name}-Option „{key}“ {problem}.' }, { name, key, problem: optionProblem(issue) })));
  });
}

/** zod's default sentences are for developers; the schemas' own messages (see zodMessage) and these are for people. */
function optionProblem(issue: z.core.$ZodIssue): Bilingual {
  if (issue.code === 'invalid_value' && issue.message.startsWith('Invalid')) {
    return bilingual({ en: 'must be one of {values}', de: 'muss einer dieser Werte sein: {values}' }, { values: issue.values.map((value) => JSON.stringify(value)).join(', ') });
  }
  if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid')) return bilingual({ en: 'must be {type}', de: 'muss vom Typ {type} sein' }, { type: issue.expected });
  return fromZodMessage(issue.message);
}
