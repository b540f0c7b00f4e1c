import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { HarDocument } from '../../../lib/http/har';
import { createHarFetch } from '../../../lib/http/har-replay';
import { EXCHANGE_HOSTS, isExchangeHost, replayAnswer } from '../browser/exchange-replay';
import { type SiteFixture, siteAnswer } from '../browser/site-server';
import { selfSignedCertificate } from '../browser/venue-sockets/certificate';

export interface OfflineProxy {
  /** The proxy's port on 127.0.0.1, for Firefox's `network.proxy.*` preferences. */
  port: number;
  /** Every request that reached the proxy, with how it was answered. */
  requests: { method: string; url: string; status: number | 'miss' | 'refused' }[];
  /** Serves `fixture` at its real URL from now on (one fixture per origin). */
  serve(fixture: SiteFixture): void;
  close(): Promise<void>;
}

/**
 * Firefox has no host-resolver rules and no request routing a test can hook into its extension's background, so
 * the smoke test points Firefox's HTTP and HTTPS proxy here. A CONNECT to an exchange host or a served site is
 * answered by a local TLS server with a throwaway certificate (the BiDi session accepts insecure certificates): the
 * exchanges from the HAR, the site from its fixture. Every other host is refused, so nothing reaches the network.
 */
export async function startOfflineProxy(har: HarDocument): Promise<OfflineProxy> {
  const replay = createHarFetch(har);
  const sites = new Map<string, SiteFixture>();
  const requests: OfflineProxy['requests'] = [];
  const tls = selfSignedCertificate([...EXCHANGE_HOSTS, 'localhost']);

  const inner = https.createServer(tls, async (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host ?? 'unknown'}`);
    const method = req.method ?? 'GET';
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');

    const fixture = sites.get(url.host);
    const page = fixture ? siteAnswer(fixture, url, req.headers['sec-fetch-dest'] === 'document') : null;
    if (page) {
      requests.push({ method, url: url.href, status: page.status });
      res.writeHead(page.status, { 'content-type': page.contentType }).end(page.body);
      return;
    }
    if (!isExchangeHost(url.host)) {
      requests.push({ method, url: url.href, status: 'refused' });
      res.writeHead(404).end();
      return;
    }
    try {
      const answer = await replayAnswer(replay, { method, url: url.href, body });
      requests.push({ method, url: url.href, status: answer.status });
      res.writeHead(answer.status, answer.headers).end(answer.body);
    } catch {
      requests.push({ method, url: url.href, status: 'miss' });
      res.destroy();
    }
  });

  const tunnels = new Set<Duplex>();
  const proxy = http.createServer((req, res) => {
    requests.push({ method: req.method ?? 'GET', url: req.url ?? '', status: 'refused' });
    res.writeHead(403).end('plain HTTP is not served');
  });
  // Firefox resets tunnels it no longer needs (a refused one, or all of them when it quits): not an error here.
  proxy.on('clientError', (_error, socket) => socket.destroy());
  proxy.on('connect', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const host = (req.url ?? '').replace(/:443$/, '');
    if (!isExchangeHost(host) && !sites.has(host)) {
      requests.push({ method: 'CONNECT', url: req.url ?? '', status: 'refused' });
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    tunnels.add(socket);
    socket.on('close', () => tunnels.delete(socket));
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n', () => {
      if (head.length) socket.unshift(head);
      inner.emit('connection', socket);
    });
  });

  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as AddressInfo).port,
    requests,
    serve(fixture) {
      sites.set(new URL(fixture.url).host, fixture);
    },
    async close() {
      for (const socket of tunnels) socket.destroy();
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      await new Promise<void>((resolve) => inner.close(() => resolve()));
    },
  };
}
