import type { Request } from '@playwright/test';
import { EXCHANGE_HOSTS } from '../../scripts/lib/browser/harness';
import { expect, test } from './fixtures';
import { popupReady } from './popup-helpers';

/**
 * The attack of issue 9: a user logged in at the venues has SameSite=None cookies for their hosts (httpOnly ones,
 * and a parent-domain `.binance.com` one); a refresh must carry none of them. A control request from the popup with
 * `credentials: 'include'` shows that the browser would have attached them, so the check can fail.
 */
test('venue requests carry no cookies, even with SameSite=None, httpOnly and parent-domain cookies set', async ({
  context,
  openPage,
  exchanges,
}) => {
  const cookie = (name: string, domain: string, httpOnly: boolean) => ({
    name,
    value: `secret-${name}`,
    domain,
    path: '/',
    secure: true,
    httpOnly,
    sameSite: 'None' as const,
    expires: Math.floor(Date.now() / 1000) + 3600,
  });
  await context.addCookies([
    ...EXCHANGE_HOSTS.flatMap((host) => [cookie('session', host, true), cookie('pref', host, false)]),
    cookie('parent', '.binance.com', true),
  ]);

  const seen: { url: string; cookie: string | null }[] = [];
  const pending: Promise<void>[] = [];
  context.on('request', (request: Request) => {
    const url = new URL(request.url());
    if (!(EXCHANGE_HOSTS as readonly string[]).includes(url.host)) return;
    pending.push(
      request.allHeaders().then((headers) => {
        seen.push({ url: url.href, cookie: headers.cookie ?? null });
      }),
    );
  });

  const popup = await openPage('popup.html');
  await popupReady(popup);
  await Promise.all(pending);
  const refresh = seen.filter((r) => !r.url.includes('liqlens-control'));
  expect(refresh.length).toBeGreaterThan(10);
  expect(new Set(refresh.map((r) => new URL(r.url).host))).toEqual(new Set(EXCHANGE_HOSTS));
  expect(refresh.filter((r) => r.cookie !== null)).toEqual([]);
  expect(exchanges.requests.length).toBeGreaterThanOrEqual(refresh.length);

  // Control: the same browser attaches the cookies when a request asks for them.
  await popup.evaluate(async () => {
    await fetch('https://fapi.binance.com/fapi/v1/ping?liqlens-control=1', { credentials: 'include' }).catch(
      () => undefined,
    );
  });
  await Promise.all(pending);
  const control = seen.find((r) => r.url.includes('liqlens-control'));
  expect(control?.cookie).toContain('secret-parent');
  expect(control?.cookie).toContain('secret-session');
});
