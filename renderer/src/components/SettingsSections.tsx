// Owns Settings' sections that are each one fieldset: the keyboard shortcuts (and the desktop's own keybindings
// where apps can't hold them), notifications, working hours for the "no timer" reminder, and the system row.
import { useId } from 'react';
import {
  Settings as SettingsSchema,
  type Settings as SettingsValues,
  type SettingsUpdate,
  type SettingsView,
} from '../../../shared/settings';
import { InstallCommand } from './SettingsCommand';
import { Check, checkWith, Field, NumberField, useDraft } from './SettingsField';
import { DesktopKeybindings } from './SettingsKeybindings';
import { ShortcutField } from './SettingsShortcut';

/** What every section gets: the settings as shown, and saving a change (saveField shows a refusal beside it). */
interface SectionProps {
  settings: SettingsValues;
  save(update: SettingsUpdate): void;
}
type FieldSaving = { saveField(update: SettingsUpdate): Promise<string | null> };

const days = [
  [1, 'Mon', 'Monday'],
  [2, 'Tue', 'Tuesday'],
  [3, 'Wed', 'Wednesday'],
  [4, 'Thu', 'Thursday'],
  [5, 'Fri', 'Friday'],
  [6, 'Sat', 'Saturday'],
  [0, 'Sun', 'Sunday'],
] as const;

export function ShortcutSettings({
  settings: s,
  view,
  save,
  onView,
}: SectionProps & { view: SettingsView; onView(view: SettingsView): void }) {
  return (
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
        <DesktopKeybindings offer={view.desktopKeybindings} platform={view.platform} onView={onView} />
      )}
    </fieldset>
  );
}

export function NotificationSettings({ settings: s, save, saveField }: SectionProps & FieldSaving) {
  return (
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
  );
}

export function WorkingHoursSettings({ settings: s, save, saveField }: SectionProps & FieldSaving) {
  return (
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
  );
}

export function SystemSettings({ settings: s, view, save }: SectionProps & { view: SettingsView }) {
  return (
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
