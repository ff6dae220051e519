import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK, SignJWT, type JWTPayload } from 'jose';

/** An RS256 signing key generated at boot (the sandbox keeps nothing between runs). */
export interface SigningKey {
  kid: string;
  sign(claims: JWTPayload): Promise<string>;
  publicJwk: JWK;
}

/** Makes a fresh RS256 key pair and its public JWK (as Google's JWKS lists them); `kid` may be forced (forgery tests). */
export async function createSigningKey(kid: string = randomUUID().replaceAll('-', '')): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return {
    kid,
    publicJwk,
    sign: (claims) => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(privateKey),
  };
}
