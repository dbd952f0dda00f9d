import type { AppContext } from '../context.js';
import { unprocessable } from '../api/errors.js';
import { invalidScopes, parseScopes } from '../api/scopes.js';
import { createApplication, type Application } from './applications.js';
import { redirectUriProblem } from './redirect-uris.js';

export interface ApplicationRegistration {
  clientName: string;
  redirectUris: string[];
  scopes?: string | undefined;
  website?: string | undefined;
}

const MAX_NAME_LENGTH = 60;
const MAX_URI_LENGTH = 2000;

/**
 * POST /api/v1/apps: validates the registration as Mastodon does (name, absolute redirect
 * URIs or the out-of-band URN, known scopes, a URL website) and stores the client.
 */
export async function registerApplication(ctx: AppContext, input: ApplicationRegistration): Promise<Application> {
  const name = input.clientName.trim();
  if (!name) throw unprocessable("Validation failed: Application name can't be blank");
  if (name.length > MAX_NAME_LENGTH) {
    throw unprocessable(`Validation failed: Application name is too long (maximum is ${MAX_NAME_LENGTH} characters)`);
  }
  const redirectUris = input.redirectUris.flatMap((u) => u.split('\n')).map((u) => u.trim()).filter(Boolean);
  if (redirectUris.length === 0) throw unprocessable("Validation failed: Redirect URI can't be blank");
  for (const uri of redirectUris) {
    const problem = uri.length > MAX_URI_LENGTH ? `is too long (maximum is ${MAX_URI_LENGTH} characters)` : redirectUriProblem(uri);
    if (problem) throw unprocessable(`Validation failed: Redirect URI ${problem}`);
  }
  const scopes = parseScopes(input.scopes);
  const unknown = invalidScopes(scopes);
  if (unknown.length > 0) throw unprocessable(`Validation failed: Scopes doesn't match configured on the server (${unknown.join(', ')})`);
  const website = input.website?.trim() || null;
  if (website && !isHttpUrl(website)) throw unprocessable('Validation failed: Website is not a valid URL');
  return createApplication(ctx.database.db, { name, website, redirectUris: [...new Set(redirectUris)], scopes });
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
