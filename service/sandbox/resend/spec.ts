import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OpenAPIBackend } from 'openapi-backend';

/**
 * Resend's own OpenAPI document (vendored unmodified in ../shared/specs, see SOURCES.md). The
 * RESEND_SPEC_PATH variable points elsewhere when the repository is checked out on its own.
 */
export const RESEND_SPEC_PATH = process.env.RESEND_SPEC_PATH ?? fileURLToPath(new URL('../../../../shared/specs/resend/resend.yaml', import.meta.url));

/**
 * An openapi-backend loaded with the spec. `quick`: the document is OpenAPI 3.1, which openapi-backend's
 * own document check (3.0) rejects wholesale; the request validation it builds from it works.
 */
export async function loadResendSpec(): Promise<OpenAPIBackend> {
  if (!existsSync(RESEND_SPEC_PATH)) throw new Error(`The Resend OpenAPI document is missing at ${RESEND_SPEC_PATH} (set RESEND_SPEC_PATH)`);
  const api = new OpenAPIBackend({ definition: RESEND_SPEC_PATH, quick: true, validate: true });
  api.register({ notImplemented: () => undefined });
  await api.init();
  return api;
}
