import { describe, expect, it } from 'vitest';
import { renderContent } from './render-content.js';

const options = {
  publicUrl: 'https://p.test',
  resolveMention: (username: string, domain: string | null) =>
    username.toLowerCase() === 'bob' && (domain === null || domain === 'p.test') ? { username: 'bob', url: 'https://p.test/@bob' } : null,
};

describe('renderContent', () => {
  it('splits paragraphs on blank lines and lines with <br />', () => {
    expect(renderContent('one\ntwo\n\n\nthree', options)).toBe('<p>one<br />two</p><p>three</p>');
    expect(renderContent('one\n  \ntwo', options)).toBe('<p>one</p><p>two</p>');
  });

  it('escapes user text so no HTML gets through', () => {
    const html = renderContent('<script>alert(1)</script> <a href="javascript:x">y</a> & "q" \'s\'', options);
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;a href="javascript:x"&gt;y&lt;/a&gt; &amp; "q" \'s\'</p>');
    expect(html).not.toContain('<script');
  });

  it('renders resolved mentions as h-cards and leaves unknown ones as text', () => {
    expect(renderContent('@bob @zed', options)).toBe(
      '<p><span class="h-card" translate="no"><a href="https://p.test/@bob" class="u-url mention">@<span>bob</span></a></span> @zed</p>',
    );
  });

  it('renders hashtags and links', () => {
    expect(renderContent('#Tag https://example.com/x', options)).toBe(
      '<p><a href="https://p.test/tags/Tag" class="mention hashtag" rel="tag">#<span>Tag</span></a> ' +
        '<a href="https://example.com/x" target="_blank" rel="nofollow noopener" translate="no"><span class="invisible">https://</span><span>example.com/x</span><span class="invisible"></span></a></p>',
    );
  });

  it('shortens long links for display but keeps the full href', () => {
    const url = `https://www.example.com/${'a'.repeat(40)}`;
    const html = renderContent(url, options);
    expect(html).toContain(`href="${url}"`);
    expect(html).toContain('<span class="invisible">https://www.</span><span class="ellipsis">');
  });

  it('escapes quotes inside link targets', () => {
    const html = renderContent('https://example.com/"onmouseover="x', options);
    expect(html.startsWith('<p><a href="https://example.com/&quot;onmouseover=&quot;x" target="_blank"')).toBe(true);
    expect(html).not.toMatch(/<a[^>]* onmouseover=/);
  });

  it('renders empty text as empty content', () => {
    expect(renderContent('  \n ', options)).toBe('');
  });
});
