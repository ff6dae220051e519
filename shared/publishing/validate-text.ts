import { type Bilingual, bilingual } from '../i18n.js';
import { PLATFORM_NAMES, type PlatformId } from '../platforms.js';
import { issue, type Issue } from './issues.js';
import { NETWORK_RULES, type TextRule } from './rules.js';
import type { TargetContent } from './content.js';
import { countHashtags, countMentions, findLinks, measureText, measureUnit, X_LINK_LENGTH } from './text-measures.js';

/** A part of a target's text, as a sentence names it: the subject of "… is 300 of 280", and what to remove from. */
interface TextPart {
  what: Bilingual;
  from: Bilingual;
}

const TEXT: TextPart = { what: { en: 'this text', de: 'Dieser Text' }, from: { en: 'this text', de: 'diesem Text' } };
const TITLE: TextPart = { what: { en: 'the title', de: 'Der Titel' }, from: { en: 'the title', de: 'dem Titel' } };
const FIRST_COMMENT: TextPart = { what: { en: 'the first comment', de: 'Der erste Kommentar' }, from: { en: 'the first comment', de: 'dem ersten Kommentar' } };

function threadPart(number: number): TextPart {
  const part = bilingual({ en: 'part {number} of the thread', de: 'Teil {number} des Threads' }, { number });
  return { what: part, from: part };
}

/** The text, title, first comment and thread parts of a target, against its network's rules. */
export function textIssues(platform: PlatformId, content: TargetContent): Issue[] {
  const rules = NETWORK_RULES[platform];
  const name = PLATFORM_NAMES[platform];
  const issues: Issue[] = [];
  const text = content.text.trim();
  if (text === '' && (rules.text.required === true || (rules.text.required === 'unless_media' && content.media.length === 0))) {
    issues.push(issue('text_required', 'text', rules.text.required === 'unless_media'
      ? bilingual({ en: '{name} needs text or media: this post has none.', de: '{name} braucht Text oder Medien: Dieser Beitrag hat keine.' }, { name })
      : bilingual({ en: '{name} needs text: this post has none.', de: '{name} braucht Text: Dieser Beitrag hat keinen.' }, { name })));
  }
  issues.push(...lengthIssues(name, rules.text, content.text, 'text', TEXT));
  if (rules.hashtagsMax !== undefined) {
    const count = countHashtags(content.text);
    if (count > rules.hashtagsMax) {
      issues.push(issue('too_many_hashtags', 'text', bilingual(
        { en: '{name} allows {max} hashtags: this text has {count}.', de: '{name} erlaubt {max} Hashtags: Dieser Text hat {count}.' },
        { name, max: rules.hashtagsMax, count },
      )));
    }
  }
  if (rules.mentionsMax !== undefined) {
    const count = countMentions(content.text);
    if (count > rules.mentionsMax) {
      issues.push(issue('too_many_mentions', 'text', bilingual(
        { en: '{name} allows {max} @mentions: this text has {count}.', de: '{name} erlaubt {max} @-Erwähnungen: Dieser Text hat {count}.' },
        { name, max: rules.mentionsMax, count },
      )));
    }
  }
  if (rules.title) {
    const title = content.title?.trim() ?? '';
    if (title === '' && rules.title.required) {
      issues.push(issue('title_required', 'title', bilingual(
        { en: '{name} needs a title: give the post or this channel one.', de: '{name} braucht einen Titel: Geben Sie dem Beitrag oder diesem Kanal einen.' },
        { name },
      )));
    } else {
      issues.push(...lengthIssues(name, rules.title, title, 'title', TITLE, 'title'));
    }
  }
  if (content.firstComment !== null) {
    if (!rules.firstComment) {
      issues.push(issue('first_comment_unsupported', 'firstComment', bilingual(
        { en: '{name} does not take a first comment from us: remove it for this channel.', de: '{name} nimmt von uns keinen ersten Kommentar an: Entfernen Sie ihn für diesen Kanal.' },
        { name },
      )));
    } else {
      issues.push(...lengthIssues(name, rules.text, content.firstComment, 'firstComment', FIRST_COMMENT, 'first_comment'));
    }
  }
  if (content.threadParts.length > 0) {
    if (!rules.threads) {
      issues.push(issue('thread_unsupported', 'threadParts', bilingual(
        { en: '{name} does not publish threads: remove the extra parts for this channel.', de: '{name} veröffentlicht keine Threads: Entfernen Sie die weiteren Teile für diesen Kanal.' },
        { name },
      )));
    } else {
      content.threadParts.forEach((part, index) => {
        issues.push(...lengthIssues(name, rules.text, part, `threadParts.${index}`, threadPart(index + 2), 'thread_part'));
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
  part: TextPart,
  prefix: 'text' | 'title' | 'first_comment' | 'thread_part' = 'text',
): Issue[] {
  const issues: Issue[] = [];
  const length = measureText(value, rule.measure);
  if (length > rule.max) {
    const rulePart = prefix === 'first_comment' ? 'first_comment_too_long' : prefix === 'thread_part' ? 'thread_part_too_long' : prefix === 'title' ? 'title_too_long' : 'text_too_long';
    issues.push(issue(rulePart, field, bilingual(
      { en: '{rule}: {what} is {length} of {max}.', de: '{rule}: {what} hat {length} von {max}.' },
      { rule: lengthRule(name, rule, value), what: part.what, length, max: rule.max },
    )));
  }
  const forbidden = rule.forbidden ? [...value].filter((char) => rule.forbidden!.includes(char)) : [];
  if (forbidden.length > 0) {
    const chars = [...rule.forbidden!];
    issues.push(issue(prefix === 'title' ? 'title_forbidden_characters' : 'text_forbidden_characters', field, bilingual(
      { en: '{name} does not accept {chars} in {where}: remove them from {from}.', de: '{name} nimmt {chars} in {where} nicht an: Entfernen Sie sie aus {from}.' },
      {
        name,
        chars: { en: chars.map((char) => `“${char}”`).join(' or '), de: chars.map((char) => `„${char}“`).join(' oder ') },
        where: prefix === 'title' ? { en: 'a title', de: 'einem Titel' } : { en: 'the text', de: 'einem Text' },
        from: part.from,
      },
    )));
  }
  return issues;
}

/** How the network counts, in words ("X counts 23 characters per link"). */
function lengthRule(name: string, rule: TextRule, value: string): Bilingual {
  if (rule.measure === 'x_weighted') {
    return findLinks(value.normalize('NFC')).length > 0
      ? bilingual({ en: '{name} counts {per} characters per link', de: '{name} zählt {per} Zeichen pro Link' }, { name, per: X_LINK_LENGTH })
      : bilingual({ en: '{name} allows {max} characters, counting emoji and CJK characters as 2', de: '{name} erlaubt {max} Zeichen und zählt Emoji und CJK-Zeichen doppelt' }, { name, max: rule.max });
  }
  if (rule.measure === 'threads') {
    return bilingual({ en: '{name} allows {max} characters, counting each emoji as its size in bytes', de: '{name} erlaubt {max} Zeichen und zählt jedes Emoji mit seiner Größe in Bytes' }, { name, max: rule.max });
  }
  const unit = { en: measureUnit(rule.measure), de: rule.measure === 'utf8_bytes' ? 'Bytes' : 'Zeichen' };
  return bilingual({ en: '{name} allows {max} {unit}', de: '{name} erlaubt {max} {unit}' }, { name, max: rule.max, unit });
}
