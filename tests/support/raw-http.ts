// HTTP/1.1 requests sent exactly as written: fetch and http.request tidy `///`, `..` and bad
// percent-encoding away before they leave, and the servers must be tested with them.
import { connect as tcp } from 'node:net';
import { connect as tls } from 'node:tls';

export interface RawReply {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Sends `method target` to `origin` (http: or https:, trusting `ca`) on a connection of its
 * own and reads the reply until the server closes it.
 */
export function rawRequest(
  origin: string,
  target: string,
  options: { method?: string; headers?: Record<string, string>; ca?: string } = {},
): Promise<RawReply> {
  const url = new URL(origin);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  return new Promise((done, fail) => {
    const socket =
      url.protocol === 'https:'
        ? tls({
            host: url.hostname,
            port,
            ca: options.ca,
            servername: url.hostname === '127.0.0.1' ? undefined : url.hostname,
          })
        : tcp(port, url.hostname);
    const headers = { Host: url.host, Connection: 'close', ...options.headers };
    const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
    socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () =>
      socket.write(`${options.method ?? 'GET'} ${target} HTTP/1.1\r\n${head.join('')}\r\n`),
    );
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', fail);
    socket.on('end', () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      const [statusLine = '', ...lines] = all.subarray(0, split).toString('latin1').split('\r\n');
      const replyHeaders: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        replyHeaders[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      done({ status: Number(statusLine.split(' ')[1]), headers: replyHeaders, body: all.subarray(split + 4) });
    });
  });
}
