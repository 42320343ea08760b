// Owns the settings view (idle, shortcuts, notifications and working hours, focus sessions, timers in two
// accounts, system, theme), the gear that opens it, the gate that shows it instead of the timesheet, and applying
// the chosen theme.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import {
  mergeSettings,
  Settings as SettingsSchema,
  type Settings as SettingsValues,
  type SettingsUpdate,
  type SettingsView,
} from '../../../shared/settings';
import { WEEK_START_DAYS, type WeekStartDay } from '../../../shared/calendar';
import { useApp, useSheaf } from '../state/StoreContext';
import { Icon } from './Icons';
import { TimeAway } from './IdleQuestion';
import { AskAboutTimeAway } from './SettingsTimeAway';
import { InstallCommand } from './SettingsCommand';
import { Check, checkWith, Choices, Field, NumberField, useDraft } from './SettingsField';
import { FocusSettings } from './SettingsFocus';
import { DesktopKeybindings } from './SettingsKeybindings';
import { ShortcutField } from './SettingsShortcut';

const days = [
  [1, 'Mon', 'Monday'],
  [2, 'Tue', 'Tuesday'],
  [3, 'Wed', 'Wednesday'],
  [4, 'Thu', 'Thursday'],
  [5, 'Fri', 'Friday'],
  [6, 'Sat', 'Saturday'],
  [0, 'Sun', 'Sunday'],
] as const;

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
  const send = useSheaf((s) => s.send);
  const setSettingsOpen = useSheaf((s) => s.setSettingsOpen);
  // Members can't read the company's week start from Harvest, so they choose it here.
  const chooseWeekStart = useSheaf(
    (s) => s.app?.session.status === 'signed_in' && s.app.prefs.weekStartChosenHere,
  );
  // Only someone signed in to two accounts or more can have a timer running in another one.
  const severalAccounts = useSheaf((s) => (s.app?.accounts.length ?? 0) >= 2);
  const [view, setView] = useState<SettingsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // Focus moves into Settings as it opens (the gear that had it is gone with the view beneath).
  useEffect(() => heading.current?.focus(), []);

  /** Escape closes Settings, in the preview as in the app; a control that used the key itself marks it handled. */
  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape' || event.defaultPrevented || event.nativeEvent.isComposing) return;
    event.preventDefault();
    setSettingsOpen(false);
  }

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

  /**
   * Shows the change at once (a checkbox must not flick back while main saves), then main's answer. A refusal is
   * returned to a field that shows it beside itself (`beside`), else shown at the top.
   */
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

          <fieldset>
            <legend>Keyboard shortcuts</legend>
            <ShortcutField
              id="shortcut-popover"
              label="Show or hide Sheaf"
              value={s.shortcuts.togglePopover}
              status={view.shortcuts.togglePopover}
              platform={view.platform}
              onChange={(togglePopover) => save({ shortcuts: { togglePopover } })}
            />
            <ShortcutField
              id="shortcut-timer"
              label="Start or stop the timer"
              value={s.shortcuts.toggleTimer}
              status={view.shortcuts.toggleTimer}
              platform={view.platform}
              onChange={(toggleTimer) => save({ shortcuts: { toggleTimer } })}
            />
            {view.desktopKeybindings && (
              <DesktopKeybindings offer={view.desktopKeybindings} platform={view.platform} onView={setView} />
            )}
          </fieldset>

          <fieldset>
            <legend>Notifications</legend>
            <Check
              label="When a shortcut starts or stops the timer"
              checked={s.notifications.shortcut}
              onChange={(shortcut) => save({ notifications: { shortcut } })}
            />
            {s.idleThresholdMinutes > 0 && (
              <Check
                label="When Sheaf asks about time away"
                checked={s.notifications.idle}
                onChange={(idle) => save({ notifications: { idle } })}
              />
            )}
            <Check
              label="Timer still running"
              checked={s.notifications.stillRunning}
              onChange={(stillRunning) => save({ notifications: { stillRunning } })}
            />
            <NumberField
              label="Still running after (hours)"
              value={s.stillRunningHours}
              min={1}
              max={24}
              disabled={!s.notifications.stillRunning}
              check={checkWith(SettingsSchema.shape.stillRunningHours)}
              onCommit={(stillRunningHours) => saveField({ stillRunningHours })}
            />
            <Check
              label="No timer running during working hours"
              checked={s.notifications.noTimer}
              onChange={(noTimer) => save({ notifications: { noTimer } })}
            />
          </fieldset>

          <fieldset disabled={!s.notifications.noTimer}>
            <legend>Working hours</legend>
            <div className="days" role="group" aria-label="Working days">
              {days.map(([day, short, long]) => (
                <label key={day} className="day">
                  <input
                    type="checkbox"
                    aria-label={long}
                    checked={s.noTimerReminder.days.includes(day)}
                    onChange={(e) =>
                      save({
                        noTimerReminder: {
                          days: e.target.checked
                            ? [...s.noTimerReminder.days, day].sort()
                            : s.noTimerReminder.days.filter((d) => d !== day),
                        },
                      })
                    }
                  />
                  <span aria-hidden="true">{short}</span>
                </label>
              ))}
            </div>
            <div className="row">
              <TimeField
                label="From"
                value={s.noTimerReminder.start}
                onCommit={(start) => save({ noTimerReminder: { start } })}
              />
              <TimeField
                label="To"
                value={s.noTimerReminder.end}
                onCommit={(end) => save({ noTimerReminder: { end } })}
              />
            </div>
            <NumberField
              label="Remind at most every (minutes)"
              value={s.noTimerReminder.intervalMinutes}
              min={5}
              max={480}
              check={checkWith(SettingsSchema.shape.noTimerReminder.shape.intervalMinutes)}
              onCommit={(intervalMinutes) => saveField({ noTimerReminder: { intervalMinutes } })}
            />
          </fieldset>

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

          <fieldset>
            <legend>System</legend>
            <Check
              label="Open Sheaf when I log in"
              checked={s.launchAtLogin}
              onChange={(launchAtLogin) => save({ launchAtLogin })}
            />
            {view.launchAtLogin.message && <p className="muted small">{view.launchAtLogin.message}</p>}
            {/* A label beside the icon is macOS's alone; elsewhere the tray's tooltip has the time. */}
            {(view.platform ?? 'mac') === 'mac' && (
              <Check
                label="Show the elapsed time next to the menu bar icon (macOS)"
                checked={s.trayTitle}
                onChange={(trayTitle) => save({ trayTitle })}
              />
            )}
            <InstallCommand />
          </fieldset>

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

function TimeField({ label, value, onCommit }: { label: string; value: string; onCommit(v: string): void }) {
  const id = useId();
  const [draft, setDraft] = useDraft(value, (v) => v);
  return (
    <Field id={id} label={label}>
      <input
        id={id}
        type="time"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => (draft && draft !== value ? onCommit(draft) : setDraft(value))}
      />
    </Field>
  );
}
