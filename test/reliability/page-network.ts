// Every request a page and the workers it starts make (nested workers included), read from the
// DevTools protocol: each worker is auto-attached as it starts and its network log switched on
// (the worker script itself and its static imports are fetched before that and come from the page's record
// or the server log). This attributes requests to the page, which a proxy log cannot do once the browser makes
// background requests of its own (component updates, sign-in) through the same proxy.
import type { CDPSession, Page } from 'puppeteer-core';

export interface PageRequest {
  readonly method: string;
  readonly url: string;
  /** Whether the request carried a body. */
  readonly hasBody: boolean;
  /** `page` or the URL of the worker that made it. */
  readonly context: string;
}

interface RequestWillBeSent {
  request: { url: string; method: string; hasPostData?: boolean; postData?: string };
}
interface AttachedToTarget {
  targetInfo: { type: string; url: string };
}

async function watch(session: CDPSession, context: string, log: PageRequest[]): Promise<void> {
  session.on('Network.requestWillBeSent', (event: RequestWillBeSent) => {
    const { url, method, hasPostData, postData } = event.request;
    log.push({ method, url, hasBody: hasPostData === true || (postData ?? '').length > 0, context });
  });
  const names = new Map<string, string>();
  session.on('Target.attachedToTarget', (event: AttachedToTarget & { sessionId: string }) => names.set(event.sessionId, event.targetInfo.url));
  session.on('sessionattached', (child: CDPSession) => {
    void watch(child, names.get(child.id()) || 'worker', log).catch(() => undefined);
  });
  await session.send('Network.enable');
  await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true });
}

/** Starts recording before the page navigates; the returned list fills as requests are made. */
export async function recordPageRequests(page: Page): Promise<PageRequest[]> {
  const log: PageRequest[] = [];
  await watch(await page.createCDPSession(), 'page', log);
  return log;
}
