// Owns what the person's role lets them see, as Harvest shows it: an administrator's /users/me carries rates and
// the administrator role, a member's has no rate fields at all (the recorded member, fixtures' user-me-2019.json,
// with can_see_rates false), /v2/company answers a member 403 ("Admin permissions required"), and reports show
// amounts to administrators only.
import type { User } from '../../shared/harvest/schemas';
import type { SandboxRole } from './account';

const MEMBER_CLAIMS = ['expenses:read:own', 'expenses:write:own', 'timers:read:own', 'timers:write:own'];
// The recorded administrator's claims (fixtures' user-2022.json): read and write on everything.
const ADMINISTRATOR_CLAIMS = [
  'billable_rates',
  'billing',
  'clients',
  'company',
  'cost_rates',
  'estimates',
  'expenses',
  'invoices',
  'projects',
  'tasks',
  'timers',
  'users',
].flatMap((area) => {
  const scope = area === 'billing' || area === 'company' ? 'own' : 'all';
  return [`${area}:read:${scope}`, `${area}:write:${scope}`];
});

/** /users/me as this role sees it; the account keeps the rates, which entries' billable_rate still uses. */
export function userForRole(user: User, role: SandboxRole): User {
  const {
    default_hourly_rate: _rate,
    cost_rate: _cost,
    ...withoutRates
  } = user as User & {
    default_hourly_rate?: unknown;
    cost_rate?: unknown;
  };
  if (role === 'member')
    return { ...withoutRates, access_roles: ['member'], permissions_claims: MEMBER_CLAIMS };
  return { ...user, access_roles: ['administrator'], permissions_claims: ADMINISTRATOR_CLAIMS };
}
