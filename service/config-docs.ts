import { CONFIG_VARIABLES } from './config.js';

/** The README's configuration table, made from CONFIG_VARIABLES so the two cannot disagree. */
export function configTableMarkdown(): string {
  const escape = (text: string) => text.replaceAll('|', '\\|');
  return CONFIG_VARIABLES.map(
    (variable) => `| \`${variable.name}\` | ${escape(variable.default)} | ${variable.secret ? 'yes' : 'no'} | ${escape(variable.description)} |`,
  ).join('\n');
}
