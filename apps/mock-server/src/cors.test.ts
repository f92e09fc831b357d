import { describe, expect, it } from 'vitest';
import { DEFAULT_ORIGINS, originMatcher } from './cors';

describe('originMatcher', () => {
  it('allows localhost and 127.0.0.1 on any port by default', () => {
    const allowed = originMatcher(DEFAULT_ORIGINS);
    expect(allowed('http://localhost:6006')).toBe(true);
    expect(allowed('http://127.0.0.1:5173')).toBe(true);
    expect(allowed('http://localhost')).toBe(true);
    expect(allowed('https://localhost:6006')).toBe(false);
    expect(allowed('http://localhost.evil.com')).toBe(false);
    expect(allowed('http://evil.com')).toBe(false);
    expect(allowed('null')).toBe(false);
  });

  it('matches exact origins and subdomain wildcards', () => {
    const allowed = originMatcher(['https://app.example.com', 'https://*.example.org']);
    expect(allowed('https://app.example.com')).toBe(true);
    expect(allowed('https://app.example.com:8443')).toBe(false);
    expect(allowed('https://a.example.org')).toBe(true);
    expect(allowed('https://a.b.example.org')).toBe(false);
    expect(allowed('https://example.org')).toBe(false);
  });
});
