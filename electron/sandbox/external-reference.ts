// Owns a time entry's external reference: the thing in another tool (a GitHub issue, a Jira ticket, a Trello card)
// the time was for. Harvest's Time Entries page: create and update take `external_reference` {id, group_id,
// account_id, permalink}; entries answer it with `service` and `service_icon_url` besides; lists filter by
// `external_reference_id`; DELETE …/external_reference removes it.

export interface ExternalReference {
  id: string;
  group_id: string | null;
  account_id: string | null;
  permalink: string;
}

/** Where a body's problems are gathered (entry-input's Problems), so one 422 names all of them. */
interface Problems {
  readonly list: string[];
  add(message: string): void;
}

const MAX_FIELD = 255;
const MAX_PERMALINK = 2048;

/** Harvest's Go and Ruby clients hold these fields as strings; numbers sent by a client are kept as text. */
function text(value: unknown): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value === '') return null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' ? value : undefined;
}

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * The body's `external_reference`: undefined when absent (an update leaves it), null when sent as null (an
 * update clears it), else the checked reference. Problems are worded like Harvest's other 422s.
 */
export function readExternalReference(
  body: Record<string, unknown>,
  problems: Problems,
): ExternalReference | null | undefined {
  const raw = body.external_reference;
  if (raw === undefined) return undefined;
  if (raw === null) return null;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.add('External reference is invalid');
    return undefined;
  }
  const fields = raw as Record<string, unknown>;
  const id = text(fields.id);
  const groupId = text(fields.group_id);
  const accountId = text(fields.account_id);
  const permalink = text(fields.permalink);
  const before = problems.list.length;
  if (!id) problems.add("External reference id can't be blank");
  if (!permalink) problems.add("External reference permalink can't be blank");
  else if (permalink.length > MAX_PERMALINK || !isWebAddress(permalink))
    problems.add('External reference permalink is not a valid URL');
  for (const [name, value] of [
    ['id', id],
    ['group id', groupId],
    ['account id', accountId],
  ] as const) {
    if (value === undefined && fields[name.replace(' ', '_')] !== undefined)
      problems.add(`External reference ${name} is invalid`);
    if (value && value.length > MAX_FIELD) problems.add(`External reference ${name} is too long`);
  }
  if (problems.list.length > before) return undefined;
  return { id: id!, group_id: groupId ?? null, account_id: accountId ?? null, permalink: permalink! };
}

/**
 * The reference as an entry answers it. `service` is the permalink's host and `service_icon_url` that site's
 * icon: Harvest fills both for the integrations it knows; what it answers for an arbitrary permalink isn't
 * documented, so the sandbox answers the plainest thing a client can rely on.
 */
export function externalReferenceView(reference: ExternalReference | null) {
  if (!reference) return null;
  const host = new URL(reference.permalink).host;
  return { ...reference, service: host, service_icon_url: `https://${host}/favicon.ico` };
}
