// Owns the /v2/time_entries routes: list with Harvest's filters, read, create (duration or start/end), edit,
// stop, restart and delete. Writes read only the fields the account's timer style takes (forAccountStyle).
import { forAccountStyle, readEntryChanges, readNewEntry } from '../entry-input';
import { toInt, unprocessable } from '../http';
import { paginate } from '../pagination';
import { readApprovalFilter } from '../approval';
import { ok, pageRequest, type Route, type RouteContext } from '../router';
import type { EntryFilter } from '../store';
import { normalizeDate } from '../time';

function intParam(url: URL, name: string): number | undefined {
  const value = toInt(url.searchParams.get(name) ?? undefined);
  if (value !== undefined && Number.isNaN(value)) throw unprocessable(`${name} must be an integer`);
  return value;
}

function boolParam(url: URL, name: string): boolean | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  if (raw !== 'true' && raw !== 'false') throw unprocessable(`${name} must be true or false`);
  return raw === 'true';
}

function dateParam(url: URL, name: string): string | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  const date = normalizeDate(raw);
  if (!date) throw unprocessable(`${name} must be a date like 2017-03-21`);
  return date;
}

function updatedSince(url: URL): number | undefined {
  const raw = url.searchParams.get('updated_since');
  if (raw === null || raw === '') return undefined;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) throw unprocessable('updated_since must be an ISO 8601 date and time');
  return ms;
}

function readFilter(url: URL): EntryFilter {
  return {
    userId: intParam(url, 'user_id'),
    clientId: intParam(url, 'client_id'),
    projectId: intParam(url, 'project_id'),
    taskId: intParam(url, 'task_id'),
    from: dateParam(url, 'from'),
    to: dateParam(url, 'to'),
    isRunning: boolParam(url, 'is_running'),
    isBilled: boolParam(url, 'is_billed'),
    updatedSinceMs: updatedSince(url),
    externalReferenceId: url.searchParams.get('external_reference_id') || undefined,
    approvalStatus: readApprovalFilter(url.searchParams.get('approval_status')),
  };
}

const entryId = (ctx: RouteContext) => Number(ctx.params[0]);
const styled = (ctx: RouteContext) => forAccountStyle(ctx.body, ctx.store.wantsTimestampTimers);

export const timeEntryRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/v2\/time_entries\/?$/,
    // Cursor paging, as the pagination docs allow and public clients record (links.next of
    // /v2/time_entries carrying `cursor=`); SandboxOptions.pagination 'offset' brings page numbers back.
    handle: (ctx) =>
      ok(
        paginate('time_entries', ctx.store.list(readFilter(ctx.url)), pageRequest(ctx, 'cursor'), (e) =>
          ctx.store.view(e),
        ),
      ),
  },
  {
    method: 'GET',
    pattern: /^\/v2\/time_entries\/(\d+)\/?$/,
    handle: (ctx) => ok(ctx.store.view(ctx.store.find(entryId(ctx)))),
  },
  {
    method: 'POST',
    pattern: /^\/v2\/time_entries\/?$/,
    handle: (ctx) => {
      const created = ctx.store.create(readNewEntry(styled(ctx)));
      // Rails' `render json: …, status: :created, location: …`: a 201 names where the new entry lives.
      const location = new URL(`/v2/time_entries/${created.id}`, ctx.url).toString();
      return { status: 201, body: ctx.store.view(created), headers: { Location: location } };
    },
  },
  {
    method: 'PATCH',
    pattern: /^\/v2\/time_entries\/(\d+)\/?$/,
    handle: (ctx) => ok(ctx.store.view(ctx.store.update(entryId(ctx), readEntryChanges(styled(ctx))))),
  },
  {
    method: 'PATCH',
    pattern: /^\/v2\/time_entries\/(\d+)\/stop\/?$/,
    handle: (ctx) => ok(ctx.store.view(ctx.store.stop(entryId(ctx)))),
  },
  {
    method: 'PATCH',
    pattern: /^\/v2\/time_entries\/(\d+)\/restart\/?$/,
    handle: (ctx) => ok(ctx.store.view(ctx.store.restart(entryId(ctx)))),
  },
  {
    method: 'DELETE',
    pattern: /^\/v2\/time_entries\/(\d+)\/external_reference\/?$/,
    // "Returns a 200 OK response code if the call succeeded": no body is documented, so none is sent.
    handle: (ctx) => {
      ctx.store.update(entryId(ctx), { externalReference: null });
      return { status: 200 };
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/v2\/time_entries\/(\d+)\/?$/,
    handle: (ctx) => ok(ctx.store.remove(entryId(ctx))),
  },
];
