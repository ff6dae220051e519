import { ExtensionError } from './errors.js';
import { serviceUrlItem } from './storage.js';

/** Where the service runs unless the build (`WXT_SERVICE_URL`) or the person says otherwise. */
export const DEFAULT_SERVICE_URL: string = normalizeServiceUrl(
  import.meta.env.WXT_SERVICE_URL || 'http://localhost:8787',
);

/**
 * Checks and normalizes a service address: http(s) only, no credentials, query or fragment,
 * no trailing slash (paths are appended to it). Throws `ExtensionError('invalid_service_url')`.
 */
export function normalizeServiceUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw invalid('Enter the service address, like http://localhost:8787.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid('The service address must start with http:// or https://.');
  }
  if (url.username || url.password || url.search || url.hash) {
    throw invalid('The service address must not contain a user name, password, query or fragment.');
  }
  return url.href.replace(/\/+$/, '');
}

function invalid(message: string): ExtensionError {
  return new ExtensionError('invalid_service_url', message, [{ path: 'serviceUrl', message }]);
}

/** The service address in effect: the person's choice, else the build's default. */
export async function getServiceUrl(): Promise<string> {
  return (await serviceUrlItem.getValue()) ?? DEFAULT_SERVICE_URL;
}
