// The site's public address decides every absolute link the build writes: canonical links,
// og:image, the sitemap, the feeds and robots.txt. A site published with a localhost address
// points its readers, and search engines, at their own machine.

/** Hosts that name the machine itself, never a public site. */
const LOCAL_HOST = /^(localhost|.+\.localhost|127(\.\d+){3}|0\.0\.0\.0|\[::1?\])$/i;

/**
 * Why a production build must not use `url` (a host of the machine itself), or null when it
 * may; the message says where to set the public address.
 */
export function productionAddressProblem(url: string): string | null {
  if (!LOCAL_HOST.test(new URL(url).hostname)) return null;
  return (
    `正式构建不能使用本机地址 ${url}：请在 src/site.config.ts 的 url 中填写网站的公开地址，` +
    `或设置环境变量 SITE_URL（如 SITE_URL=https://www.example.org npm run build -- --production）。\n` +
    `A production build cannot use the local address ${url}: set the public address in url of ` +
    `src/site.config.ts, or the SITE_URL environment variable.`
  );
}
