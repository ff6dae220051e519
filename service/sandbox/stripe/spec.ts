import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OpenAPIBackend } from 'openapi-backend';

/**
 * Stripe's own OpenAPI document (vendored unmodified in ../shared/specs, see SOURCES.md: the 2023-08-16
 * version, the newest under 4 MiB). STRIPE_SPEC_PATH points elsewhere when the repository is checked out
 * on its own. Its request bodies forbid unknown parameters, so a parameter Stripe would reject is
 * rejected here too.
 */
export const STRIPE_SPEC_PATH = process.env.STRIPE_SPEC_PATH ?? fileURLToPath(new URL('../../../../shared/specs/stripe/spec3.yaml', import.meta.url));

let loaded: Promise<OpenAPIBackend> | undefined;

/**
 * An openapi-backend loaded with the spec, once per process (the 4 MB document takes seconds to read).
 * `quick`: validators are compiled per operation when first used. Form bodies arrive as strings, so
 * ajv coerces them to the documented types as Stripe's own parser does; Stripe's custom formats
 * (unix-time, decimal) are accepted as their base types.
 */
export function loadStripeSpec(): Promise<OpenAPIBackend> {
  loaded ??= (async () => {
    if (!existsSync(STRIPE_SPEC_PATH)) throw new Error(`The Stripe OpenAPI document is missing at ${STRIPE_SPEC_PATH} (set STRIPE_SPEC_PATH)`);
    const api = new OpenAPIBackend({
      definition: STRIPE_SPEC_PATH,
      quick: true,
      validate: true,
      ajvOpts: { coerceTypes: true },
      customizeAjv: (ajv) => ajv.addFormat('unix-time', true).addFormat('decimal', true),
    });
    api.register({ notImplemented: () => undefined });
    await api.init();
    return api;
  })();
  return loaded;
}
