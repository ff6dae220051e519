/** Public build-time settings (`WXT_*` variables are read by Vite when building; never secrets). */
interface ImportMetaEnv {
  /** The default service address baked into the build, e.g. https://api.minopa.app. */
  readonly WXT_SERVICE_URL?: string;
}
