// Owns the settings view (idle, shortcuts, notifications and working hours, focus sessions, timers in two
// accounts, system, theme), the gear that opens it, the gate that shows it instead of the timesheet, and applying
// the chosen theme.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import {
  mergeSettings,
  type Settings as SettingsValues,
  type SettingsUpdate,
  type SettingsView,
} from '../../../shared/settings';
import { WEEK_START_DAYS, type WeekStartDay } from '../../../shared/calendar';
import { useApp, useSheaf } from '../state/StoreContext';
import { Icon } from './Icons';
import { TimeAway } from './IdleQuestion';
import { AskAboutTimeAway } from './SettingsTimeAway';
import { Check, Choices, Field } from './SettingsField';
import { FocusSettings } from './SettingsFocus';
import {
  NotificationSettings,
  ShortcutSettings,
  SystemSettings,
  WorkingHoursSettings,
} from './SettingsSections';

const themes = [
  ['system', 'Same as the system'],
  ['light', 'Light'],
  ['dark', 'Dark'],
] as const;

const hoursLeads = [
  ['tracked', 'Hours worked (billed after)'],
  ['billed', 'Hours billed (worked after)'],
] as const;

const otherAccountTimer = [
  ['ask', 'Ask'],
  ['stop', 'Stop the other one'],
  ['keep', 'Keep both running'],
] as const;

/** Sets the popover's colours: "system" follows the OS; light and dark override it. */
export function useAppliedTheme(theme: SettingsValues['theme'] | undefined): void {
  useEffect(() => {
    const root = document.documentElement;
    if (!theme || theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
}

export function SettingsButton() {
  const setSettingsOpen = useSheaf((s) => s.setSettingsOpen);
  return (
    <button type="button" className="icon-button" aria-label="Settings" onClick={() => setSettingsOpen(true)}>
      <Icon size={15}>
        <path
          fill="currentColor"
          d="M9.2 1l.3 1.8a5.4 5.4 0 0 1 1.3.7l1.7-.7 1.2 2.1-1.4 1.2a5.5 5.5 0 0 1 0 1.6l1.4 1.2-1.2 2.1-1.7-.7a5.4 5.4 0 0 1-1.3.7L9.2 15H6.8l-.3-1.8a5.4 5.4 0 0 1-1.3-.7l-1.7.7-1.2-2.1 1.4-1.2a5.5 5.5 0 0 1 0-1.6L2.3 7.1l1.2-2.1 1.7.7a5.4 5.4 0 0 1 1.3-.7L6.8 1h2.4zM8 5.6a2.4 2.4 0 1 0 0 4.8 2.4 2.4 0 0 0 0-4.8z"
        />
      </Icon>
    </button>
  );
}

/** Above everything: the idle question when there is one; then settings or the normal view. */
export function DesktopViews({ children }: { children: ReactNode }) {
  const settingsOpen = useSheaf((s) => s.settingsOpen);
  const question = useApp((app) => app.desktop.idleQuestion);
  const clock = useApp((app) => app.prefs.clock);
  // Back (or Escape) from Settings hands focus to the gear that opens it, not to the page body: the gear is
  // drawn again with the view under Settings, so it is found once that view is back.
  const wasOpen = useRef(settingsOpen);
  useEffect(() => {
    if (wasOpen.current && !settingsOpen) {
      document.querySelector<HTMLElement>('button[aria-label="Settings"]')?.focus();
    }
    wasOpen.current = settingsOpen;
  }, [settingsOpen]);
  return (
    <>
      <TimeAway question={question ?? null} clock={clock} />
      {settingsOpen ? <Settings /> : children}
    </>
  );
}

export function Settings() {
  const setSettingsOpen = useSheaf((s) => s.setSettingsOpen);
  // Members can't read the company's week start from Harvest, so they choose it here.
  const chooseWeekStart = useSheaf(
    (s) => s.app?.session.status === 'signed_in' && s.app.prefs.weekStartChosenHere,
  );
  // Only someone signed in to two accounts or more can have a timer running in another one.
  const severalAccounts = useSheaf((s) => (s.app?.accounts.length ?? 0) >= 2);
  const { view, setView, error, save, saveField } = useSettingsView();
  const heading = useRef<HTMLHeadingElement>(null);

  // Focus moves into Settings as it opens (the gear that had it is gone with the view beneath).
  useEffect(() => heading.current?.focus(), []);

  /** Escape closes Settings, in the preview as in the app; a control that used the key itself marks it handled. */
  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape' || event.defaultPrevented || event.nativeEvent.isComposing) return;
    event.preventDefault();
    setSettingsOpen(false);
  }

  const s = view?.settings;
  return (
    <section className="settings" aria-labelledby="settings-title" onKeyDown={onKeyDown}>
      <div className="settings-head">
        <button type="button" className="quiet" onClick={() => setSettingsOpen(false)}>
          ← Back
        </button>
        <h1 id="settings-title" ref={heading} tabIndex={-1}>
          Settings
        </h1>
      </div>
      {view?.notice && (
        <p className="notice small" role="status">
          {view.notice}
        </p>
      )}
      {error && (
        <div role="alert" className="alert">
          <p>{error}</p>
        </div>
      )}
      {!s || !view ? (
        <p className="muted" aria-busy="true">
          Loading settings…
        </p>
      ) : (
        <div className="settings-body">
          <fieldset>
            <legend>Time away</legend>
            <AskAboutTimeAway minutes={s.idleThresholdMinutes} save={saveField} />
            <Check
              label="Stop the timer when the computer sleeps or shuts down"
              checked={s.stopAtSleep}
              onChange={(stopAtSleep) => save({ stopAtSleep })}
            />
          </fieldset>

          <ShortcutSettings settings={s} view={view} save={save} onView={setView} />
          <NotificationSettings settings={s} save={save} saveField={saveField} />
          <WorkingHoursSettings settings={s} save={save} saveField={saveField} />

          <FocusSettings settings={s} save={save} saveField={saveField} />

          {chooseWeekStart && (
            <fieldset>
              <legend>Your week</legend>
              <WeekStartField value={s.weekStartDay} onChange={(weekStartDay) => save({ weekStartDay })} />
            </fieldset>
          )}

          {severalAccounts && (
            <Choices
              legend="When you start a timer while one runs in another account"
              name="other-account-timer"
              value={s.otherAccountTimer}
              options={otherAccountTimer}
              onChange={(otherAccountTimer) => save({ otherAccountTimer })}
            />
          )}

          <SystemSettings settings={s} view={view} save={save} />

          <Choices
            legend="Where your company rounds time, show first"
            name="hours-lead"
            value={s.hoursLead}
            options={hoursLeads}
            onChange={(hoursLead) => save({ hoursLead })}
          />

          <Choices
            legend="Theme"
            name="theme"
            className="theme"
            value={s.theme}
            options={themes}
            onChange={(theme) => save({ theme })}
          />
        </div>
      )}
    </section>
  );
}

/** Harvest lets a company start its week on any day; a member's Sheaf can't ask, so the person says. */
function WeekStartField({ value, onChange }: { value: WeekStartDay; onChange(day: WeekStartDay): void }) {
  const id = useId();
  return (
    <Field id={id} label="Week starts on" hint="Harvest doesn't tell Sheaf your company's week start.">
      <select
        id={id}
        value={value}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.value as WeekStartDay)}
      >
        {WEEK_START_DAYS.map((day) => (
          <option key={day} value={day}>
            {day}
          </option>
        ))}
      </select>
    </Field>
  );
}

/**
 * The settings as main last said, and saving a change: shown at once (a checkbox must not flick back while main
 * saves), then main's answer. A refusal goes back to a field that shows it beside itself, else to the top.
 */
function useSettingsView() {
  const send = useSheaf((s) => s.send);
  const [view, setView] = useState<SettingsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Read again when main says the view changed on its own (the desktop said which keys it bound).
  const changes = useSheaf((s) => s.settingsChanges);
  useEffect(() => {
    let live = true;
    void send('getSettings').then((result) => {
      if (!live) return;
      if (result.ok) setView(result.value);
      else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [send, changes]);

  async function saveNow(update: SettingsUpdate, beside = false): Promise<string | null> {
    const before = view;
    if (before) setView({ ...before, settings: mergeSettings(before.settings, update) });
    const result = await send('updateSettings', update);
    if (result.ok) {
      setView(result.value);
      setError(null);
      return null;
    }
    setView(before);
    if (!beside) setError(result.error.message);
    return result.error.message;
  }
  // Fields call this and move on: saveNow can't reject, since the store turns a failed call into an error result.
  const save = (update: SettingsUpdate) => void saveNow(update);
  const saveField = (update: SettingsUpdate) => saveNow(update, true);

  return { view, setView, error, save, saveField };
}
