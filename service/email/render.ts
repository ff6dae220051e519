import { render, toPlainText } from '@react-email/render';
import { TEMPLATES, type TemplateData, type TemplateName } from './templates/index.js';

/** A rendered email, ready for a transport. */
export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * Renders a template to its subject, HTML and plain-text versions. The text is derived from the same
 * HTML (links kept as "label [url]"), so both versions always say the same thing.
 */
export async function renderEmail<T extends TemplateName>(name: T, data: TemplateData<T>, unsubscribeUrl: string): Promise<RenderedEmail> {
  const template = TEMPLATES[name];
  const html = await render(template.render({ ...data, unsubscribeUrl }));
  // Headings keep their case: html-to-text's default shouts them ("HI ADA,").
  const text = toPlainText(html, { selectors: [{ selector: 'h1', options: { uppercase: false } }] });
  return { subject: template.subject(data), html, text };
}

/** Every http(s) link in a rendered email's HTML, in order, without duplicates (for the dev log line). */
export function linksIn(html: string): string[] {
  const links = [...html.matchAll(/href="(https?:[^"]+)"/g)].map((match) => decodeEntities(match[1]!));
  return [...new Set(links)];
}

function decodeEntities(value: string): string {
  return value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}
