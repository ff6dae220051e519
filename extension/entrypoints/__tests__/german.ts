/**
 * Helpers for the German screen tests: what a person meets on a screen (its text, plus the labels only
 * assistive technology or a hover shows), and the English words left in it. The word list holds common
 * English words that are not German words, so any English sentence or button left on a screen trips it.
 */
const ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'alt'];
const ENGLISH_WORDS =
  /\b(the|and|your|you|of|to|with|is|are|for|on|or|not|this|at|by|from|has|no|yet|sign|save|saved|remove|loading|role|members?|invite|invitation|send|show|cancel|edit|retry|schedule|today|week|month|day|drafts?|failed|published|channels?|posts?|move|next|previous|owner|editor|viewer|leave|transfer|email|password|first|last|name|account|workspace|settings|details|close)\b/gi;

export function screenText(root: Element): string {
  const labels = [root, ...root.querySelectorAll('*')].flatMap((element) => ATTRIBUTES.map((name) => element.getAttribute(name) ?? ''));
  return [root.textContent ?? '', ...labels].join('\n');
}

/** English words on the screen, minus `except` (names and data the test put there, e.g. a post's text). */
export function englishWordsOn(root: Element, except: string[] = []): string[] {
  let text = screenText(root);
  for (const allowed of except) text = text.split(allowed).join(' ');
  return [...text.matchAll(ENGLISH_WORDS)].map((match) => match[0]);
}
