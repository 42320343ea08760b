// Owns calling an xdg-desktop-portal method that answers later, through a Request object: the Response signal is
// followed before the call is made (its path is predictable), so an answer can't slip past.
// Request: flatpak.github.io/xdg-desktop-portal/docs/doc-org.freedesktop.portal.Request.html
import { randomBytes } from 'node:crypto';
import { call, hasOwner, onSignal, type Body, type MessageBus, type Target } from './dbus';

/** The portal's answer: code 0 success, 1 the person cancelled, 2 otherwise ended; and its results. */
export interface PortalResponse {
  code: number;
  results: Record<string, { value: unknown }>;
}

/** The object path part of a unique bus name (":1.42" -> "1_42"), as the portal builds its paths. */
export function senderPart(bus: MessageBus): string {
  const name = (bus as unknown as { name?: string }).name ?? '';
  return name.replace(/^:/, '').replace(/\./g, '_');
}

/** Calls `member`; `body` is given the handle_token to put in its options. Resolves with the Response. */
export async function portalRequest(
  bus: MessageBus,
  target: Target,
  member: string,
  signature: string,
  body: (token: string) => Body,
): Promise<PortalResponse> {
  // Also what makes the connection say hello, so its unique name (part of the Request path) is known.
  if (!(await hasOwner(bus, target.destination))) throw new Error(`${target.destination} is not running.`);
  const token = `sheaf_${randomBytes(6).toString('hex')}`;
  const path = `/org/freedesktop/portal/desktop/request/${senderPart(bus)}/${token}`;
  let answer: (response: PortalResponse) => void = () => {};
  const answered = new Promise<PortalResponse>((resolve) => (answer = resolve));
  const stop = await onSignal(
    bus,
    { interface: 'org.freedesktop.portal.Request', member: 'Response', path },
    ([code, results]) => answer({ code: Number(code), results: results as PortalResponse['results'] }),
  );
  try {
    await call(bus, target, member, signature, body(token));
    return await answered;
  } finally {
    stop();
  }
}
