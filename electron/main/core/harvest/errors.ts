// Owns the typed errors the Harvest client raises; each carries a message a person can act on.

export type HarvestErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'validation'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'outcome_unknown'
  | 'bad_response';

export class HarvestError extends Error {
  constructor(
    readonly code: HarvestErrorCode,
    message: string,
    readonly status?: number,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 401: the token is wrong, expired or revoked, or the account id does not match it. */
export class UnauthorizedError extends HarvestError {
  constructor(
    message = 'Harvest did not accept the token. Check the token and account ID, or sign in again.',
  ) {
    super('unauthorized', message, 401);
  }
}

/** 403: the user may not do this (members can't read /company, for instance). */
export class ForbiddenError extends HarvestError {
  constructor(message = 'Harvest says you are not allowed to do that.') {
    super('forbidden', message, 403);
  }
}

export class NotFoundError extends HarvestError {
  constructor(message = 'Harvest could not find that (it may have been deleted elsewhere).') {
    super('not_found', message, 404);
  }
}

/** 422 (and 400): Harvest's own message is the most useful thing we can show. */
export class ValidationError extends HarvestError {
  constructor(message: string, status = 422) {
    super('validation', message, status);
  }
}

export class RateLimitedError extends HarvestError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', `Harvest asked us to slow down; retrying in ${retryAfterSeconds} s.`, 429);
  }
}

export class ServerError extends HarvestError {
  constructor(status: number) {
    super('server', `Harvest had a problem (HTTP ${status}). We'll keep retrying.`, status);
  }
}

/**
 * The request never got an answer (DNS, refused, reset, offline). The words fit wherever they show — a report,
 * the sign-in form, the sync line — so they say nothing about changes: the sync line alone says what waits.
 */
export class NetworkError extends HarvestError {
  constructor(cause?: unknown, message = "Can't reach Harvest. Check your connection.") {
    super('network', message, undefined, cause);
  }
}

export class TimeoutError extends HarvestError {
  constructor(ms: number) {
    super('timeout', `Harvest did not answer within ${Math.round(ms / 1000)} s.`);
  }
}

/**
 * A create (POST) may or may not have reached Harvest: the connection failed after the request was sent,
 * or it timed out, or Harvest answered 5xx. Retrying blindly could create a duplicate, so the caller must
 * reconcile (look for the entry) before trying again.
 */
export class OutcomeUnknownError extends HarvestError {
  constructor(cause?: unknown) {
    super(
      'outcome_unknown',
      "We couldn't confirm Harvest saved this; we'll check before trying again.",
      undefined,
      cause,
    );
  }
}

export class BadResponseError extends HarvestError {
  constructor(detail: string) {
    super('bad_response', `Harvest sent a response we could not read (${detail}).`);
  }
}
