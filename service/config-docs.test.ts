import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configTableMarkdown } from './config-docs.js';

describe('README configuration table', () => {
  it('lists every variable the service reads, as config.ts describes it', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    // Regenerate with: node --import tsx -e "import('./service/config-docs.ts').then(m => console.log(m.configTableMarkdown()))"
    expect(readme).toContain(configTableMarkdown());
  });
});
