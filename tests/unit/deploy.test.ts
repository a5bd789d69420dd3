import { describe, expect, test } from 'vitest';
import { securityHeaders } from '../../src/integrations/deploy.ts';

describe('securityHeaders', () => {
  test('allow only our own and hashed scripts, and WebAssembly for search', () => {
    const headers = securityHeaders(["'sha256-abc='"]);
    const csp = headers['Content-Security-Policy']!;
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
  });
});
