import { bilingual, untranslated } from '#shared/i18n.js';
import { PLATFORM_NAMES, type PlatformId } from '#shared/platforms.js';
import { type MediaFacts, type TargetOverrides, targetContent } from '#shared/publishing/content.js';
import { validateTarget } from '#shared/publishing/validate.js';
import { type FieldProblem, HttpError } from '../errors.js';
import type { PostForTargets } from './load-post-targets.js';

/** A target whose content is to be checked; `key` names it in field paths (its index in the input, or its account id). */
export interface TargetToCheck {
  key: string | number;
  accountId: string;
  accountName: string;
  platform: PlatformId;
  overrides: TargetOverrides;
}

/**
 * Checks every target's content against its network's rules (shared/publishing) and throws 422
 * content_invalid listing each issue as `targets.<key>.<field>` with its rule, when there are any.
 */
export function assertTargetContent(post: PostForTargets, targets: readonly TargetToCheck[], media: MediaFacts[]): void {
  const fields: FieldProblem[] = [];
  for (const target of targets) {
    const issues = validateTarget({ accountId: target.accountId, platform: target.platform, content: targetContent(post, target.overrides, media) });
    for (const issue of issues) fields.push({ path: `targets.${target.key}.${issue.field}`, message: issue.sentence, rule: issue.rule });
  }
  if (fields.length === 0) return;
  const first = targets.find((target) => fields[0]!.path.startsWith(`targets.${target.key}.`))!;
  const others = fields.length - 1;
  const more = others === 0
    ? untranslated('')
    : bilingual(others === 1 ? { en: ' (and 1 more problem)', de: ' (und 1 weiteres Problem)' } : { en: ' (and {count} more problems)', de: ' (und {count} weitere Probleme)' }, { count: others });
  throw new HttpError('content_invalid', bilingual(
    { en: '{network} account “{account}”: {problem}{more}', de: '{network}-Konto „{account}“: {problem}{more}' },
    { network: PLATFORM_NAMES[first.platform], account: first.accountName, problem: fields[0]!.message, more },
  ), fields);
}
