// Owns the errors "Sign in with Harvest" raises, each in the person's words; the wire's own failures (network,
// timeout, 5xx, unreadable bodies) stay the Harvest client's types from ../harvest/errors.
import { LocalError } from '../base/errors';
import { UnauthorizedError } from '../harvest/errors';

/** A local error, so the IPC passes its words through to the popover as they are (not "something went wrong"). */
export class SignInError extends LocalError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'unauthorized', options);
    this.name = new.target.name;
  }
}

/** This copy of Sheaf has no OAuth app configured (SHEAF_OAUTH_CLIENT_ID / _SECRET unset). */
export class SignInNotSetUpError extends SignInError {
  constructor() {
    super("Sign in with Harvest isn't set up in this copy of Sheaf. Use a Personal Access Token instead.");
  }
}

/** The person (or Sheaf, on quit) stopped waiting for the browser. */
export class SignInCancelledError extends SignInError {
  constructor() {
    super('Sign-in was cancelled.');
  }
}

export class SignInTimedOutError extends SignInError {
  constructor(readonly waitedMs: number) {
    const minutes = Math.max(1, Math.round(waitedMs / 60_000));
    super(
      `Sheaf waited ${minutes} minute${minutes === 1 ? '' : 's'} for Harvest and stopped. Sign in again when you're ready.`,
    );
  }
}

/** The person pressed "Deny" at Harvest (RFC 6749 §4.1.2.1 error=access_denied). */
export class SignInDeniedError extends SignInError {
  constructor() {
    super("Harvest didn't give Sheaf access. Sign in again if you meant to allow it.");
  }
}

/**
 * An answer at the loopback whose `state` isn't the one Sheaf sent: someone else's code, or a page that knows
 * the port (RFC 6749 §10.12). It signs nobody in.
 */
export class SignInForgedError extends SignInError {
  constructor() {
    super(
      "Sheaf got a sign-in answer it hadn't asked for, so it didn't sign you in. Sign in again from Sheaf.",
    );
  }
}

/** Harvest answered the redirect with an error other than a denial (invalid_scope, server_error, …). */
export class SignInRefusedError extends SignInError {
  constructor(
    readonly oauthError: string,
    harvestSays?: string,
  ) {
    super(`Harvest couldn't sign you in (${harvestSays ?? oauthError}). Try again from Sheaf.`);
  }
}

/** The token endpoint said invalid_grant for the code: it expired (Harvest keeps them minutes) or was used. */
export class SignInExpiredError extends SignInError {
  constructor() {
    super('That sign-in had expired or was already used. Sign in again from Sheaf.');
  }
}

/** invalid_client (RFC 6749 §5.2): the client id or secret Sheaf was built with is wrong, not the person's account. */
export class HarvestAppSettingsError extends SignInError {
  constructor() {
    super(
      "Sheaf's Harvest app settings are wrong (client ID or secret), so Harvest refused to sign you in. " +
        'This needs fixing in how Sheaf is set up, not in your Harvest account; a Personal Access Token still works.',
    );
  }
}

export class BrowserNotOpenedError extends SignInError {
  constructor(cause: unknown) {
    super("Sheaf couldn't open your web browser to sign in to Harvest.", { cause });
  }
}

/** The loopback couldn't listen (a fixed redirect port already taken, say). */
export class LoopbackUnavailableError extends SignInError {
  constructor(cause: unknown) {
    super("Sheaf couldn't get ready for Harvest's answer on this computer. Try signing in again.", { cause });
  }
}

/**
 * Harvest refused the refresh token (invalid_grant: revoked in Harvest ID, or expired). An UnauthorizedError,
 * so everything that already handles "the token no longer works" (stop polling, ask to sign in) does so here.
 */
export class GrantRevokedError extends UnauthorizedError {
  constructor(account?: string, options?: { cause?: unknown }) {
    super(
      `Harvest signed Sheaf out of ${account ?? 'your Harvest account'}: sign in again. Your unsent changes are kept.`,
    );
    this.name = 'GrantRevokedError';
    if (options?.cause !== undefined) Object.defineProperty(this, 'cause', { value: options.cause });
  }
}
