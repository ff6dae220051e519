import { randomBytes } from 'node:crypto';

/** Signs a fresh benchmark user up through the API; returns their token and personal workspace. */
export async function signUp(serviceUrl: string): Promise<{ token: string; workspaceId: string }> {
  const legal = (await (await fetch(`${serviceUrl}/api/v1/legal`)).json()) as { terms: { version: string }; privacy: { version: string } };
  const response = await fetch(`${serviceUrl}/api/v1/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      firstName: 'Bench',
      lastName: 'Mark',
      email: `bench-${randomBytes(4).toString('hex')}@example.com`,
      password: 'correct horse battery staple',
      ageConfirmed: true,
      acceptedLegalVersions: { terms: legal.terms.version, privacy: legal.privacy.version },
    }),
  });
  if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { token: string; user: { defaultWorkspaceId: string } };
  return { token: body.token, workspaceId: body.user.defaultWorkspaceId };
}
