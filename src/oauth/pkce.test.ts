import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { pkceMatches } from './pkce.js';

const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';

describe('pkceMatches', () => {
  it('accepts the RFC 7636 appendix B example for S256', () => {
    expect(pkceMatches('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', 'S256', verifier)).toBe(true);
  });

  it('rejects a different verifier for S256', () => {
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    expect(pkceMatches(challenge, 'S256', `${verifier.slice(0, -1)}x`)).toBe(false);
  });

  it('compares plain challenges literally', () => {
    expect(pkceMatches(verifier, 'plain', verifier)).toBe(true);
    expect(pkceMatches(verifier, 'S256', verifier)).toBe(false);
  });

  it('rejects verifiers outside the allowed length or alphabet', () => {
    expect(pkceMatches('short', 'plain', 'short')).toBe(false);
    const spaced = `${verifier} `;
    expect(pkceMatches(spaced, 'plain', spaced)).toBe(false);
  });
});
