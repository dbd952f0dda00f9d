import type { TestApp } from '../../helpers/test-app.js';

export interface RegisteredApp {
  id: string;
  client_id: string;
  client_secret: string;
}

/** Registers an application through the API, as a client would. */
export async function registerApp(
  t: TestApp,
  options: { redirectUris?: string | string[]; scopes?: string; name?: string } = {},
): Promise<RegisteredApp> {
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/apps',
    payload: {
      client_name: options.name ?? 'Test client',
      redirect_uris: options.redirectUris ?? 'urn:ietf:wg:oauth:2.0:oob',
      scopes: options.scopes ?? 'read write follow push',
    },
  });
  if (res.statusCode !== 200) throw new Error(`app registration failed: ${res.body}`);
  return res.json();
}

/** The hidden form fields of the rendered authorize page. */
export function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[m[1]!] = m[2]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  }
  return fields;
}

export function formBody(fields: Record<string, string | undefined>): string {
  return new URLSearchParams(Object.entries(fields).filter(([, v]) => v !== undefined) as Array<[string, string]>).toString();
}

export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
export const PASSWORD = 'correct horse battery staple';
