import sanitizeHtml from 'sanitize-html';
import { tokenizeText, type TextToken } from './parse-text.js';

/** A mention that resolved to an account; unresolved mentions stay plain text. */
export interface ResolvedMention {
  username: string;
  /** Profile URL of the account. */
  url: string;
}

export interface RenderOptions {
  /** Base URL for hashtag links. */
  publicUrl: string;
  /** Looks up a mention token; null leaves it as text. */
  resolveMention(username: string, domain: string | null): ResolvedMention | null;
}

/**
 * Renders post text as Mastodon's TextFormatter does: paragraphs on blank lines, `<br />`
 * for single newlines, links, h-card mentions and hashtag links. Every piece of user text is
 * escaped; the result then goes through an allow-list sanitiser as a second line of defence.
 */
export function renderContent(text: string, options: RenderOptions): string {
  const normalised = text.replace(/\r\n?/g, '\n').trim();
  if (normalised === '') return '';
  // As Rails' simple_format: a line of only spaces also separates paragraphs.
  const paragraphs = normalised.split(/\n\s*\n/);
  const html = paragraphs
    .map((paragraph) => {
      const lines = paragraph.split('\n').map((line) => tokenizeText(line).map((t) => renderToken(t, options)).join(''));
      return `<p>${lines.join('<br />')}</p>`;
    })
    .join('');
  return sanitizeContent(html);
}

function renderToken(token: TextToken, options: RenderOptions): string {
  switch (token.type) {
    case 'text':
      return escapeHtml(token.value);
    case 'url':
      return renderLink(token.value);
    case 'mention': {
      const resolved = options.resolveMention(token.username, token.domain);
      if (!resolved) return escapeHtml(token.value);
      return (
        `<span class="h-card" translate="no"><a href="${escapeHtml(resolved.url)}" class="u-url mention">` +
        `@<span>${escapeHtml(resolved.username)}</span></a></span>`
      );
    }
    case 'hashtag':
      return (
        `<a href="${escapeHtml(`${options.publicUrl}/tags/${encodeURIComponent(token.name)}`)}" class="mention hashtag" rel="tag">` +
        `#<span>${escapeHtml(token.name)}</span></a>`
      );
  }
}

const DISPLAY_URL_MAX = 30;

/** Mastodon hides the scheme and shortens long URLs with spans clients know how to style. */
function renderLink(url: string): string {
  const match = /^(https?:\/\/(?:www\.)?)(.*)$/i.exec(url)!;
  const prefix = match[1]!;
  const rest = match[2]!;
  const display = rest.slice(0, DISPLAY_URL_MAX);
  const hidden = rest.slice(DISPLAY_URL_MAX);
  return (
    `<a href="${escapeHtml(url)}" target="_blank" rel="nofollow noopener" translate="no">` +
    `<span class="invisible">${escapeHtml(prefix)}</span>` +
    (hidden ? `<span class="ellipsis">` : '<span>') +
    `${escapeHtml(display)}</span>` +
    `<span class="invisible">${escapeHtml(hidden)}</span></a>`
  );
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'span', 'a'],
  allowedAttributes: {
    a: ['href', 'rel', 'class', 'target', 'translate'],
    span: ['class', 'translate'],
  },
  allowedClasses: {
    a: ['u-url', 'mention', 'hashtag'],
    span: ['h-card', 'invisible', 'ellipsis'],
  },
  allowedSchemes: ['http', 'https'],
  allowProtocolRelative: false,
  selfClosing: ['br'],
};

export function sanitizeContent(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}
