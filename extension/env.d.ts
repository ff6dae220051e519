/** Public build-time settings (`WXT_*` variables are read by Vite when building; never secrets). */
interface ImportMetaEnv {
  /** The default service address baked into the build, e.g. https://api.minopa.app. */
  readonly WXT_SERVICE_URL?: string;
  /** Sentry's DSN for the extension's error reports (P8); absent: nothing is ever reported. A DSN is public by design. */
  readonly WXT_SENTRY_DSN?: string;
}
