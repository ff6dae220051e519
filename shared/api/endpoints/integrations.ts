import type { Endpoint } from '../endpoint.js';
import { DrivePickerLink, DrivePickerLinkInput, IntegrationConnectStart, IntegrationDisconnected, IntegrationList, IntegrationParams, StartIntegrationInput } from '../integrations.js';

/**
 * A person's own Canva and Google Drive connections (not a workspace's: imports put files into a
 * workspace the person chooses). Connecting happens in a tab at the vendor; the vendor sends the person
 * back to `/api/v1/integrations/:provider/callback`, where the service finishes and shows the result.
 */
export const integrationsEndpoints = {
  listIntegrations: {
    method: 'GET', path: '/api/v1/me/integrations', tag: 'integrations', auth: 'session',
    summary: 'Canva and Google Drive: whether each is available (and a sandbox), and your connection to it.', response: IntegrationList,
  },
  startIntegrationConnect: {
    method: 'POST', path: '/api/v1/me/integrations/:provider/connect', tag: 'integrations', auth: 'session',
    summary:
      'Starts connecting your Canva or Google account: answers the vendor’s authorization address (open it in a tab). The code is exchanged on the service; the `state` (and Canva’s PKCE verifier) is bound to you (P25). Google Drive asks for `drive.file` unless `access` is `readonly`.',
    params: IntegrationParams, body: StartIntegrationInput, response: IntegrationConnectStart, status: 201,
  },
  disconnectIntegration: {
    method: 'DELETE', path: '/api/v1/me/integrations/:provider', tag: 'integrations', auth: 'session',
    summary: 'Disconnects: revokes Minopa’s access at Canva or Google (P18), then deletes the tokens and the connection. `revoked` says whether the vendor confirmed.',
    params: IntegrationParams, response: IntegrationDisconnected,
  },
  createDrivePickerLink: {
    method: 'POST', path: '/api/v1/me/integrations/google_drive/picker-link', tag: 'integrations', auth: 'session',
    summary: 'A single-use link (valid 10 minutes) to a page where you choose one Drive file in the Google Picker, so Minopa may import it under `drive.file`. Open it in a tab, then import again.',
    body: DrivePickerLinkInput, response: DrivePickerLink, status: 201,
  },
} as const satisfies Record<string, Endpoint>;
