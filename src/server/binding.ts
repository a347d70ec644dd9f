// Where the server may be reached: a Host check against DNS rebinding, and the address it really binds.
// A page on another site can point its own name at 127.0.0.1 and call a localhost server from the
// victim's browser; the browser then sends that name as Host. IP literals and localhost cannot be
// rebound, so they always pass; any other name must be one the operator configured.
import { isIP, type AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';

/** The host name of a Host header, lower-case, without port or IPv6 brackets. */
export function hostNameOf(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  const colon = h.lastIndexOf(':');
  return colon >= 0 && h.indexOf(':') === colon ? h.slice(0, colon) : h;
}

/** True when a request with this Host header may be answered. */
export function hostAllowed(header: string | undefined, allowed: readonly string[]): boolean {
  if (header === undefined) return true; // HTTP/1.0 clients; browsers always send Host
  const name = hostNameOf(header).replace(/\.$/, '');
  if (isIP(name)) return true;
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  return allowed.some((a) => a.toLowerCase() === name || (a.startsWith('.') && name.endsWith(a.toLowerCase())));
}

export function installHostCheck(app: FastifyInstance, allowed: readonly string[]): void {
  app.addHook('onRequest', async (req, reply) => {
    if (hostAllowed(req.headers.host, allowed)) return;
    const error = `Host "${req.headers.host}" is not a name this server answers to; add it to INTERDICT_ALLOWED_HOSTS if it is yours`;
    return reply.status(421).send({ error, detail: error, status: 421, field: 'Host' });
  });
}

export function isLoopback(address: string): boolean {
  const a = address.replace(/^::ffff:/, '');
  return a === '::1' || a.startsWith('127.') || a === 'localhost';
}

/** Listens and describes what it really bound, warning loudly when that reaches beyond this machine. */
export async function listenAndDescribe(app: FastifyInstance, host: string, port: number, log: (line: string) => void): Promise<string> {
  await app.listen({ port, host });
  const bound = app.server.address() as AddressInfo;
  const shown = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
  const url = `http://${isLoopback(bound.address) ? shown : hostForUrl(host, shown)}:${bound.port}`;
  const everywhere = bound.address === '0.0.0.0' || bound.address === '::' ? 'every network interface; ' : '';
  log(`listening on http://${shown}:${bound.port} (${everywhere}API description at ${url}/openapi.json)`);
  if (!isLoopback(bound.address)) {
    log(
      `WARNING: bound to ${shown}, beyond loopback, WITHOUT TLS: passwords, session cookies and API keys sent to port ${bound.port} ` +
        `cross the network readable. Put a TLS proxy in front (and set INTERDICT_PUBLIC_URL=https://…) or bind to 127.0.0.1 (INTERDICT_HOST).`,
    );
  }
  return url;
}

function hostForUrl(host: string, shown: string): string {
  return host === '0.0.0.0' || host === '::' ? '127.0.0.1' : shown;
}
