import { defineConfig } from 'wxt';

/**
 * Public key of the extension's signing key. Pinning it keeps the unpacked extension's id
 * (ejjoaohdmeejfgghdfmlnkdbgkmllanp) the same on every machine, so the service can allow its
 * origin and OAuth redirect URLs (https://<id>.chromiumapp.org/) stay stable. Not a secret.
 */
const MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAxh7yILYh/nDnqQCmMrIKRq3xKnnN/zDaD0RU72ZRAPXMUqOkJUGiRwdoRnzd6IE1UbOlcNYkPLomzNLUr9OlKYOjD0+74un1KpI2JyT6CwfDbrFf//rl84EtJCixciqRwvhh4riFXFkOFjJbawwy+XQc43ykc1DBoBmTh9+sx5kvpRP97zPvePC/PvjanO/93u64nSQKbgzjA+GQj2WYJrmX+RuIufkg2JoQLWZwTtsq8PQjH1ZtDk5jag7fCXE8jrp2bh3564pUm/TIDaP0dt4Nijcl9pRTprLIZ/1jIkBAHeq/ZzPblcFNViw+f8u9se2WJ/9rNu0dmBSHAxQICwIDAQAB';

/**
 * Set by `npm run build:extension` (scripts/build.ts): the Chrome Web Store refuses a manifest with `key`
 * (the store signs with its own key; pin that one above so ids match). Other builds keep the pinned id.
 */
const storeBuild = process.env.MINOPA_STORE_BUILD === '1';

/** Extra host permissions for the end-to-end build only (never set for a release build). */
const e2eHosts = (process.env.WXT_E2E_HOST_PERMISSIONS ?? '').split(',').filter(Boolean);

export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  modulesDir: 'extension/modules',
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  imports: false,
  modules: ['@wxt-dev/module-react'],
  webExt: { disabled: true },
  // `wxt zip -b firefox` also zips the sources AMO reviewers rebuild from: never the compiled service in dist/.
  zip: { excludeSources: ['dist/**', 'coverage/**'] },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Minopa',
    description: "Save pages, quotes, links and images to your team's social media workspace.",
    ...(browser === 'chrome' && !storeBuild ? { key: MANIFEST_KEY } : {}),
    // activeTab + scripting read the clicked page's metadata on demand: no content script runs on every page.
    // identity: Google sign-in runs in a browser window opened by identity.launchWebAuthFlow.
    permissions: ['contextMenus', 'storage', 'alarms', 'notifications', 'activeTab', 'scripting', 'identity'],
    ...(e2eHosts.length > 0 ? { host_permissions: e2eHosts } : {}),
    action: { default_title: 'Minopa' },
    // Only the extension's own bundled scripts run in its pages: no remote code, no eval, no plugins, and
    // no page may frame them. (MV3 refuses anything looser than script-src 'self' anyway; this pins it.)
    content_security_policy:
      manifestVersion === 2
        ? "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
        : { extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'" },
    // Keyboard shortcuts; people change them in the browser's shortcut settings (chrome://extensions/shortcuts).
    // The ids of the other two are answered in extension/lib/capture/on-command.ts.
    commands: {
      // Firefox's MV2 build opens its toolbar popup with _execute_browser_action.
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+M' },
        description: 'Open the Minopa quick post',
      },
      'save-page-as-draft': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save the current page to Minopa as a draft',
      },
      // No default key: a third default would more likely collide with a site's own shortcut.
      'save-screenshot': {
        description: 'Save a screenshot of the visible area to Minopa as a draft',
      },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'extension@minopa.app' } } }
      : {}),
  }),
});
