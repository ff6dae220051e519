import { PLATFORM_NAMES, type PlatformId } from '../platforms.js';
import type { Issue } from './issues.js';
import { NETWORK_RULES, type TextRule } from './rules.js';
import type { TargetContent } from './content.js';
import { countHashtags, countMentions, findLinks, measureText, measureUnit, X_LINK_LENGTH } from './text-measures.js';

/** The text, title, first comment and thread parts of a target, against its network's rules. */
export function textIssues(platform: PlatformId, content: TargetContent): Issue[] {
  const rules = NETWORK_RULES[platform];
  const name = PLATFORM_NAMES[platform];
  const issues: Issue[] = [];
  const text = content.text.trim();
  if (text === '' && (rules.text.required === true || (rules.text.required === 'unless_media' && content.media.length === 0))) {
    issues.push({ rule: 'text_required', field: 'text', message: `${name} needs text${rules.text.required === 'unless_media' ? ' or media' : ''}: this post has none.` });
  }
  issues.push(...lengthIssues(name, rules.text, content.text, 'text', 'this text'));
  if (rules.hashtagsMax !== undefined) {
    const count = countHashtags(content.text);
    if (count > rules.hashtagsMax) {
      issues.push({ rule: 'too_many_hashtags', field: 'text', message: `${name} allows ${rules.hashtagsMax} hashtags: this text has ${count}.` });
    }
  }
  if (rules.mentionsMax !== undefined) {
    const count = countMentions(content.text);
    if (count > rules.mentionsMax) {
      issues.push({ rule: 'too_many_mentions', field: 'text', message: `${name} allows ${rules.mentionsMax} @mentions: this text has ${count}.` });
    }
  }
  if (rules.title) {
    const title = content.title?.trim() ?? '';
    if (title === '' && rules.title.required) {
      issues.push({ rule: 'title_required', field: 'title', message: `${name} needs a title: give the post or this channel one.` });
    } else {
      issues.push(...lengthIssues(name, rules.title, title, 'title', 'the title', 'title'));
    }
  }
  if (content.firstComment !== null) {
    if (!rules.firstComment) {
      issues.push({ rule: 'first_comment_unsupported', field: 'firstComment', message: `${name} does not take a first comment from us: remove it for this channel.` });
    } else {
      issues.push(...lengthIssues(name, rules.text, content.firstComment, 'firstComment', 'the first comment', 'first_comment'));
    }
  }
  if (content.threadParts.length > 0) {
    if (!rules.threads) {
      issues.push({ rule: 'thread_unsupported', field: 'threadParts', message: `${name} does not publish threads: remove the extra parts for this channel.` });
    } else {
      content.threadParts.forEach((part, index) => {
        issues.push(...lengthIssues(name, rules.text, part, `threadParts.${index}`, `part ${index + 2} of the thread`, 'thread_part'));
      });
    }
  }
  return issues;
}

function lengthIssues(
  name: string,
  rule: TextRule,
  value: string,
  field: string,
  what: string,
  prefix: 'text' | 'title' | 'first_comment' | 'thread_part' = 'text',
): Issue[] {
  const issues: Issue[] = [];
  const length = measureText(value, rule.measure);
  if (length > rule.max) {
    const rulePart = prefix === 'first_comment' ? 'first_comment_too_long' : prefix === 'thread_part' ? 'thread_part_too_long' : prefix === 'title' ? 'title_too_long' : 'text_too_long';
    issues.push({ rule: rulePart, field, message: `${lengthRule(name, rule, value)}: ${what} is ${length} of ${rule.max}.` });
  }
  const forbidden = rule.forbidden ? [...value].filter((char) => rule.forbidden!.includes(char)) : [];
  if (forbidden.length > 0) {
    issues.push({
      rule: prefix === 'title' ? 'title_forbidden_characters' : 'text_forbidden_characters',
      field,
      message: `${name} does not accept ${[...rule.forbidden!].map((char) => `“${char}”`).join(' or ')} in ${what === 'the title' ? 'a title' : 'the text'}: remove them from ${what}.`,
    });
  }
  return issues;
}

/** How the network counts, in words ("X counts 23 characters per link"). */
function lengthRule(name: string, rule: TextRule, value: string): string {
  if (rule.measure === 'x_weighted') {
    return findLinks(value.normalize('NFC')).length > 0
      ? `${name} counts ${X_LINK_LENGTH} characters per link`
      : `${name} allows ${rule.max} characters, counting emoji and CJK characters as 2`;
  }
  if (rule.measure === 'threads') return `${name} allows ${rule.max} characters, counting each emoji as its size in bytes`;
  return `${name} allows ${rule.max.toLocaleString('en-US')} ${measureUnit(rule.measure)}`;
}
