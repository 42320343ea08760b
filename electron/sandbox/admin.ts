// Owns the sandbox's back door: changes made "elsewhere" (the Harvest web app, a phone, an admin) that the app
// under test must notice, plus switches for account settings and the token. Writes here skip the API's rules.
import type { ProjectAssignment } from '../../shared/harvest/schemas';
import { readNewEntry } from './entry-input';
import { LOCKED_REASON, profileZone } from './seed';
import { archive, patchEntry } from './elsewhere';
import type { SandboxStore } from './store';
import type { RequestLogEntry, SandboxAdmin } from './types';

/** One account's switches. */
export interface AccountSwitches {
  companyForbidden: boolean;
}

/** What every account shares: the person's personal token works in all of them, and there is one request log. */
export interface SharedSwitches {
  tokenRevoked: boolean;
  requestLog: RequestLogEntry[];
}

export function createAdmin(
  store: SandboxStore,
  switches: AccountSwitches,
  shared: SharedSwitches,
): SandboxAdmin {
  const { company, user } = store.account;
  return {
    setWantsTimestampTimers(on) {
      company.wants_timestamp_timers = on;
    },
    setClock(clock) {
      company.clock = clock;
    },
    setWeekStartDay(day) {
      company.week_start_day = day;
    },
    setTimezone(name) {
      user.timezone = profileZone(name);
    },
    setCompanyForbidden(on) {
      switches.companyForbidden = on;
    },
    createEntry(input) {
      // Both styles' fields are read: data made elsewhere (or before a style switch) may carry either.
      const parsed = readNewEntry({ ...input });
      // Unlike the API, an explicit `running` decides, and archived projects are allowed (old data exists).
      const entry = store.create(
        { ...parsed, running: input.running === true },
        { skipAssignmentCheck: true },
      );
      return store.view(entry);
    },
    stopRunning() {
      const running = store.running();
      return running ? store.view(patchEntry(store, running.id, { is_running: false })) : null;
    },
    updateEntry(id, patch) {
      return store.view(patchEntry(store, id, patch));
    },
    deleteEntry(id) {
      store.forget(id);
    },
    lockEntry(id, reason = LOCKED_REASON) {
      patchEntry(store, id, { is_locked: true, locked_reason: reason });
    },
    closeEntry(id) {
      patchEntry(store, id, { is_closed: true });
    },
    submitEntry(id) {
      store.find(id).isSubmitted = true;
      patchEntry(store, id, {});
    },
    reopenEntry(id) {
      const entry = store.find(id);
      entry.isSubmitted = false;
      entry.isClosed = false;
      patchEntry(store, id, {});
    },
    setTimeRounding(rounding) {
      store.account.rounding = rounding || null;
    },
    setRole(role) {
      store.account.role = role;
    },
    archiveProject(projectId) {
      archive(store, projectId);
    },
    archiveTask(projectId, taskId) {
      archive(store, projectId, taskId);
    },
    entries() {
      return store.all().map((e) => store.view(e));
    },
    assignments(): ProjectAssignment[] {
      return structuredClone(store.account.assignments);
    },
    revokeToken() {
      shared.tokenRevoked = true;
    },
    resetRequestLog() {
      shared.requestLog.splice(0, shared.requestLog.length);
    },
  };
}
