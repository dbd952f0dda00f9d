import type { Application } from '../../oauth/applications.js';
import { parseScopes } from '../scopes.js';
import { splitRedirectUris } from '../../oauth/redirect-uris.js';

/** Mastodon's Application entity as seen by the app itself (GET /api/v1/apps/verify_credentials). */
export function serializeApplication(app: Application) {
  const redirectUris = splitRedirectUris(app.redirect_uris);
  return {
    id: String(app.id),
    name: app.name,
    website: app.website,
    scopes: parseScopes(app.scopes),
    redirect_uri: redirectUris.join('\n'),
    redirect_uris: redirectUris,
  };
}

/** The CredentialApplication returned once by POST /api/v1/apps, with the client secret. */
export function serializeCredentialApplication(app: Application) {
  return {
    ...serializeApplication(app),
    client_id: app.client_id,
    client_secret: app.client_secret,
    client_secret_expires_at: 0,
  };
}
