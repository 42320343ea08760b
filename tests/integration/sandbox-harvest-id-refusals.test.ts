// Owns the checks of what the sandbox's Harvest ID refuses: authorize requests it won't act on (unknown client,
// another response_type, a redirect_uri off this computer) as a 400 page, and token requests as RFC 6749 §5.2
// JSON errors (invalid_client, invalid_request, unsupported_grant_type, invalid_grant).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FORM, harvestIdAt } from '../fixtures/harvest/harvest-id-harness';

/** A code from a plain Allow, for the token endpoint's refusals. */
async function harvestId() {
  const started = await harvestIdAt();
  const code = async (params: Record<string, string> = {}) => (await started.redirected(params)).get('code')!;
  return { ...started, code };
}

describe('authorize requests Harvest ID will not act on', () => {
  it.each([
    ['https on loopback', 'https://127.0.0.1:53682/callback'],
    ['another computer', 'http://192.168.1.20:53682/callback'],
    ['a public host', 'https://example.com/callback'],
    ['a host that only starts like localhost', 'http://localhost.example.com/callback'],
    ['credentials in the URL', 'http://user:pw@127.0.0.1/callback'],
    ['a fragment', 'http://127.0.0.1:53682/callback#x'],
    ['no URL at all', 'not a url'],
  ])('shows a 400 page, not a redirect, for a redirect_uri with %s', async (_what, redirectUri) => {
    const { authorize, sandbox } = await harvestId();
    for (const decision of ['', 'allow']) {
      const res = await authorize({ redirect_uri: redirectUri, ...(decision ? { decision } : {}) });
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await res.text()).toContain('redirect_uri');
    }
    expect(sandbox.harvestId.grants()).toBe(0);
  });

  it('takes any loopback port, on 127.0.0.1, [::1] or localhost (RFC 8252 §7.3)', async () => {
    const { authorize } = await harvestId();
    for (const uri of ['http://127.0.0.1:1/cb', 'http://[::1]:65000/cb?from=app', 'http://localhost/cb']) {
      const res = await authorize({ redirect_uri: uri, decision: 'allow' });
      expect(res.status, uri).toBe(302);
      // The redirect URI's own query is kept, ours appended.
      expect(
        res.headers.get('location')!.startsWith(uri.includes('?') ? `${uri}&code=` : `${uri}?code=`),
      ).toBe(true);
    }
  });

  it('shows a 400 page for a client_id it does not know', async () => {
    const { authorize } = await harvestId();
    const res = await authorize({ client_id: 'someone-else', decision: 'allow' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('client_id');
  });

  it.each(['token', 'id_token', ''])('shows a 400 page for response_type "%s"', async (responseType) => {
    const { authorize } = await harvestId();
    const res = await authorize({ response_type: responseType, decision: 'allow' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  });

  it('asks again when the consent form is posted without a decision', async () => {
    const { postConsent } = await harvestId();
    const res = await postConsent({});
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Allow or Deny');
  });

  it('answers a path Harvest ID has no route for with its HTML 404 page', async () => {
    const { sandbox } = await harvestId();
    const res = await fetch(`${sandbox.idUrl}/oauth2/nothing-here`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  });
});

describe('token requests Harvest ID refuses', () => {
  it('answers a wrong secret or client with 401 invalid_client', async () => {
    const { code, token, client } = await harvestId();
    const issued = await code();
    for (const wrong of [{ client_secret: 'guess' }, { client_id: 'someone-else' }]) {
      const res = await token({ grant_type: 'authorization_code', code: issued, ...client, ...wrong });
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
    }
    // A refused client doesn't use the code up.
    expect((await token({ grant_type: 'authorization_code', code: issued, ...client })).status).toBe(200);
  });

  it('answers a missing field with 400 invalid_request, naming it', async () => {
    const { code, token, client } = await harvestId();
    const full = { grant_type: 'authorization_code', code: await code(), ...client };
    for (const field of Object.keys(full)) {
      const fields: Record<string, string> = { ...full };
      delete fields[field];
      const res = await token(fields);
      expect(res.status, field).toBe(400);
      expect(res.json.error).toBe('invalid_request');
      expect(res.json.error_description).toContain(field);
    }
    const refresh = await token({ grant_type: 'refresh_token', ...client });
    expect(refresh.json).toMatchObject({
      error: 'invalid_request',
      error_description: expect.stringContaining('refresh_token'),
    });
  });

  it.each(['password', 'client_credentials', 'implicit'])(
    'answers grant_type=%s with 400 unsupported_grant_type',
    async (grantType) => {
      const { token, client } = await harvestId();
      const res = await token({ grant_type: grantType, ...client });
      expect(res.status).toBe(400);
      expect(res.json.error).toBe('unsupported_grant_type');
    },
  );

  it('refuses a JSON body with 400: the token request must be form-encoded', async () => {
    const { code, token, client } = await harvestId();
    const res = await token(
      { grant_type: 'authorization_code', code: await code(), ...client },
      'application/json',
    );
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      error: 'invalid_request',
      error_description: expect.stringContaining(FORM),
    });
  });

  it('answers an unknown code, or one sent with another redirect_uri, with 400 invalid_grant', async () => {
    const { code, token, client } = await harvestId();
    expect((await token({ grant_type: 'authorization_code', code: 'made-up', ...client })).json.error).toBe(
      'invalid_grant',
    );
    const elsewhere = await token({
      grant_type: 'authorization_code',
      code: await code(),
      redirect_uri: 'http://127.0.0.1:9/other',
      ...client,
    });
    expect(elsewhere).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
  });

  it('binds a code sent with a PKCE challenge to its verifier: without it, or with another, the code is refused', async () => {
    const { code, token, client } = await harvestId();
    const verifier = 'the-verifier-only-the-app-that-asked-knows-0123456789';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const pkce = { code_challenge: challenge, code_challenge_method: 'S256' };
    // Someone who read state and redirect_uri off this computer got a code of their own, but has no verifier.
    const withoutVerifier = await token({
      grant_type: 'authorization_code',
      code: await code(pkce),
      ...client,
    });
    expect(withoutVerifier).toMatchObject({
      status: 400,
      json: {
        error: 'invalid_grant',
        error_description: 'code_verifier is required for this authorization code.',
      },
    });
    const guessed = await token({
      grant_type: 'authorization_code',
      code: await code(pkce),
      code_verifier: 'a-guess-a-guess-a-guess-a-guess-a-guess-a-guess',
      ...client,
    });
    expect(guessed).toMatchObject({
      status: 400,
      json: {
        error: 'invalid_grant',
        error_description: 'The code_verifier does not match the code_challenge.',
      },
    });
    const right = await token({
      grant_type: 'authorization_code',
      code: await code(pkce),
      code_verifier: verifier,
      ...client,
    });
    expect(right.status).toBe(200);
    // A code asked for without a challenge is redeemed as before.
    expect((await token({ grant_type: 'authorization_code', code: await code(), ...client })).status).toBe(
      200,
    );
  });

  it('refuses a challenge method other than S256 at the authorize step', async () => {
    const { authorize } = await harvestId();
    const res = await authorize({
      code_challenge: 'x'.repeat(43),
      code_challenge_method: 'plain',
      decision: 'allow',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('code_challenge_method must be');
  });

  it('answers an unknown refresh token with 400 invalid_grant', async () => {
    const { token, client } = await harvestId();
    const res = await token({ grant_type: 'refresh_token', refresh_token: 'made-up', ...client });
    expect(res).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
  });
});
