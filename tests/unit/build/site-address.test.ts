import { describe, expect, test } from 'vitest';
import { productionAddressProblem } from '../../../src/build/site-address.ts';

describe('productionAddressProblem', () => {
  test('refuses the addresses of the machine itself, saying where to set the public one', () => {
    for (const url of [
      'http://localhost:4321',
      'http://LOCALHOST',
      'http://preview.localhost:8080',
      'http://127.0.0.1:4321',
      'http://0.0.0.0',
      'http://[::1]:4321',
    ]) {
      const problem = productionAddressProblem(url);
      expect(problem, url).toContain(`正式构建不能使用本机地址 ${url}`);
      expect(problem, url).toContain('SITE_URL');
      expect(problem, url).toContain('A production build cannot use the local address');
    }
  });

  test('accepts a public address', () => {
    expect(productionAddressProblem('https://www.example.org')).toBeNull();
    expect(productionAddressProblem('https://localhost.example.org')).toBeNull();
    expect(productionAddressProblem('http://127.0.0.1.example.org')).toBeNull();
  });
});
