/**
 * LinkedIn reads `commentary` as "little text": these characters are markup (mentions `@[Name](urn)`,
 * templates `{…}`, emphasis) and must be escaped with a backslash to appear as typed. `#` is left alone
 * so hashtags stay hashtags, as people expect.
 */
const RESERVED = /[\\|{}@[\]()<>*_~]/g;

/** The text a person wrote, as LinkedIn's commentary must carry it. */
export function toLittleText(text: string): string {
  return text.replace(RESERVED, (char) => `\\${char}`);
}
