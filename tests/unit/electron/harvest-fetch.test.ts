// Checks that what leaves Electron's main process for Harvest always says Sheaf's User-Agent.
import type { OnBeforeSendHeadersListenerDetails, BeforeSendResponse } from 'electron';
import { describe, expect, it } from 'vitest';
import { createHarvestFetch, type HarvestSession } from '../../../electron/main/platform/harvest-fetch';
import { DEFAULT_USER_AGENT } from '../../../electron/main/core/harvest/client';

type Listener = (
  details: OnBeforeSendHeadersListenerDetails,
  callback: (response: BeforeSendResponse) => void,
) => void;

/** A session typed from Electron's own declarations: a call Electron doesn't have fails the typecheck. */
class FakeSession implements HarvestSession {
  userAgent: string | null = null;
  listener: Listener | null = null;
  fetched: Array<[string | Request, RequestInit | undefined]> = [];
  setUserAgent(userAgent: string): void {
    this.userAgent = userAgent;
  }
  fetch(input: string | Request, init?: RequestInit): Promise<Response> {
    this.fetched.push([input, init]);
    return Promise.resolve(new Response('{}', { status: 200 }));
  }
  webRequest: HarvestSession['webRequest'] = {
    // Electron's onBeforeSendHeaders takes (listener) or (filter, listener); the listener comes last.
    onBeforeSendHeaders: (...args: unknown[]) => {
      this.listener = args.at(-1) as Listener;
    },
  };
  /** What Chromium would send after the listener ran. */
  send(headers: Record<string, string>): BeforeSendResponse['requestHeaders'] {
    let out: BeforeSendResponse['requestHeaders'];
    const details: OnBeforeSendHeadersListenerDetails = {
      id: 1,
      url: 'https://api.harvestapp.com/v2/users/me',
      method: 'GET',
      resourceType: 'xhr',
      referrer: '',
      timestamp: 0,
      requestHeaders: headers,
    };
    this.listener!(details, (r) => {
      out = r.requestHeaders;
    });
    return out;
  }
}

describe('the Harvest fetch inside Electron', () => {
  it("gives its session Sheaf's User-Agent", () => {
    const ses = new FakeSession();
    createHarvestFetch(ses, DEFAULT_USER_AGENT);
    expect(ses.userAgent).toBe(DEFAULT_USER_AGENT);
    expect(DEFAULT_USER_AGENT).toMatch(/^Sheaf \(.+\)$/);
  });

  it("replaces the User-Agent Chromium would send, in any spelling, with exactly one of Sheaf's", () => {
    const ses = new FakeSession();
    createHarvestFetch(ses, DEFAULT_USER_AGENT);
    const sent = ses.send({
      'user-agent': 'Mozilla/5.0 Chrome/142 Electron/39',
      Authorization: 'Bearer t',
      'Harvest-Account-Id': '1',
    });
    expect(sent).toEqual({
      Authorization: 'Bearer t',
      'Harvest-Account-Id': '1',
      'User-Agent': DEFAULT_USER_AGENT,
    });
  });

  it("adds Sheaf's User-Agent when a request carries none", () => {
    const ses = new FakeSession();
    createHarvestFetch(ses, DEFAULT_USER_AGENT);
    expect(ses.send({ Accept: 'application/json' })).toEqual({
      Accept: 'application/json',
      'User-Agent': DEFAULT_USER_AGENT,
    });
  });

  it('sends requests through that session, with the init as given', async () => {
    const ses = new FakeSession();
    const fetch = createHarvestFetch(ses, DEFAULT_USER_AGENT);
    const init = { method: 'PATCH', body: '{}' };
    const response = await fetch('https://api.harvestapp.com/v2/time_entries/1/stop', init);
    expect(response.status).toBe(200);
    expect(ses.fetched).toEqual([['https://api.harvestapp.com/v2/time_entries/1/stop', init]]);
  });
});
