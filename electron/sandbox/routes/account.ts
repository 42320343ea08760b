// Owns the account routes: who the token belongs to, the company settings, and what the user may track to.
import { forbidden } from '../http';
import { paginate } from '../pagination';
import { userForRole } from '../roles';
import { ok, pageRequest, type Route } from '../router';

export const accountRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/v2\/users\/me\/?$/,
    handle: ({ store }) => ok(userForRole(store.account.user, store.account.role)),
  },
  {
    method: 'GET',
    pattern: /^\/v2\/company\/?$/,
    handle: ({ store, companyForbidden }) => {
      // Members' tokens may not read the company (Harvest: "Admin permissions required").
      if (companyForbidden || store.account.role === 'member') throw forbidden();
      return ok(store.account.company);
    },
  },
  {
    method: 'GET',
    pattern: /^\/v2\/users\/me\/project_assignments\/?$/,
    // Harvest documents cursor paging for the project assignment lists (see pagination.ts).
    handle: (ctx) =>
      ok(
        paginate(
          'project_assignments',
          ctx.store.account.assignments.filter((a) => a.is_active),
          pageRequest(ctx, 'cursor'),
        ),
      ),
  },
];
