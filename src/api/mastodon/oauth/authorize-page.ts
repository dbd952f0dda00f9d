import { escapeHtml } from '../../../text/render-content.js';

/**
 * The server-rendered login and consent page of the authorization_code flow. Pure: values in,
 * HTML out; every interpolated value is escaped.
 */
const SCOPE_LABELS: Record<string, string> = {
  read: 'Read all your account data',
  write: 'Modify all your account data',
  follow: 'Modify account relationships',
  push: 'Receive your push notifications',
  profile: 'Read only your basic account information',
  'admin:read': 'Read all data on the server',
  'admin:write': 'Modify all data on the server',
};

function scopeLabel(scope: string): string {
  if (SCOPE_LABELS[scope]) return SCOPE_LABELS[scope];
  const [top, sub] = [scope.slice(0, scope.lastIndexOf(':')), scope.slice(scope.lastIndexOf(':') + 1).replace(/_/g, ' ')];
  if (top === 'read') return `Read your ${sub}`;
  if (top === 'write') return `Modify your ${sub}`;
  if (top === 'admin:read') return `Read ${sub} on the server`;
  if (top === 'admin:write') return `Modify ${sub} on the server`;
  return '';
}

export interface AuthorizePageInput {
  instanceName: string;
  appName: string;
  appWebsite: string | null;
  scopes: string[];
  /** Request parameters echoed back as hidden fields. */
  hidden: Record<string, string | undefined>;
  nonce: string;
  email?: string;
  error?: string;
}

export function renderAuthorizePage(input: AuthorizePageInput): string {
  const hidden = Object.entries({ ...input.hidden, nonce: input.nonce })
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v!)}">`)
    .join('\n      ');
  const scopes = input.scopes
    .map((s) => `<li><code>${escapeHtml(s)}</code> ${escapeHtml(scopeLabel(s))}</li>`)
    .join('\n        ');
  const app = input.appWebsite && /^https?:\/\//i.test(input.appWebsite)
    ? `<a href="${escapeHtml(input.appWebsite)}" rel="noopener noreferrer">${escapeHtml(input.appName)}</a>`
    : escapeHtml(input.appName);
  const body = `
    <h1>Authorize ${escapeHtml(input.appName)}</h1>
    ${input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>` : ''}
    <p>${app} would like to use your ${escapeHtml(input.instanceName)} account. It asks for:</p>
    <ul>
        ${scopes}
    </ul>
    <form method="post" action="/oauth/authorize">
      ${hidden}
      <label>E-mail address <input type="email" name="email" autocomplete="username" required value="${escapeHtml(input.email ?? '')}"></label>
      <label>Password <input type="password" name="password" autocomplete="current-password" required></label>
      <div class="actions">
        <button type="submit" name="decision" value="approve">Authorize</button>
        <button type="submit" name="decision" value="deny" formnovalidate class="secondary">Deny</button>
      </div>
    </form>`;
  return layout(`Authorize ${input.appName}`, body);
}

/** A page with a message (errors that must not redirect, or the out-of-band code). */
export function renderMessagePage(title: string, message: string, code?: string): string {
  const codeBlock = code
    ? `<p>Copy this authorization code and paste it into the application:</p><p><input class="code" readonly value="${escapeHtml(code)}" aria-label="Authorization code"></p>`
    : '';
  return layout(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${codeBlock}`);
}

function layout(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="referrer" content="no-referrer">
  <title>${escapeHtml(title)}</title>
  <style>
    body { font-family: system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; color: #1d1d1f; }
    label { display: block; margin: 0.75rem 0; } input { display: block; width: 100%; padding: 0.4rem; box-sizing: border-box; }
    .actions { display: flex; gap: 0.5rem; margin-top: 1rem; } button { padding: 0.5rem 1rem; }
    .secondary { background: none; } .error { color: #b00020; } .code { font-family: monospace; }
  </style>
</head>
<body>${body}
</body>
</html>
`;
}
