import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../src/build/serve.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Address of the built site served over HTTP, e.g. http://127.0.0.1:40123 */
    baseUrl: string;
  }
}

/** Serves the built dist/ on a free port for the end-to-end tests. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync('dist/index.html') || !existsSync('dist/pagefind/pagefind.js'))
    throw new Error('没有找到构建结果：请先运行 npm run build / dist/ missing: run npm run build first');
  const server = await serveStatic('dist', 0);
  const { port } = server.address() as AddressInfo;
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  return () => new Promise((done) => server.close(() => done()));
}
