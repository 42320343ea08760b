// Owns the settings view's focus sessions group: how long work and breaks last, how often the long break comes,
// the boundary's notification and beep, and whether breaks stop the Harvest timer.
import type { Settings, SettingsUpdate } from '../../../shared/settings';
import { Check, NumberField } from './SettingsField';

export function FocusSettings({
  settings,
  save,
}: {
  settings: Settings;
  save(update: SettingsUpdate): void;
}) {
  const f = settings.focus;
  return (
    <fieldset>
      <legend>Focus sessions</legend>
      <Check
        label="Use focus sessions"
        checked={f.enabled}
        onChange={(enabled) => save({ focus: { enabled } })}
      />
      <NumberField
        label="Work for (minutes)"
        value={f.workMinutes}
        min={1}
        max={180}
        onCommit={(workMinutes) => save({ focus: { workMinutes } })}
      />
      <NumberField
        label="Then a break of (minutes)"
        value={f.breakMinutes}
        min={1}
        max={60}
        onCommit={(breakMinutes) => save({ focus: { breakMinutes } })}
      />
      <NumberField
        label="A long break of (minutes)"
        value={f.longBreakMinutes}
        min={1}
        max={120}
        onCommit={(longBreakMinutes) => save({ focus: { longBreakMinutes } })}
      />
      <NumberField
        label="After this many work sessions"
        value={f.longBreakEvery}
        min={1}
        max={12}
        onCommit={(longBreakEvery) => save({ focus: { longBreakEvery } })}
      />
      <Check
        label="Notify me when work or a break ends"
        checked={settings.notifications.focus}
        onChange={(focus) => save({ notifications: { focus } })}
      />
      <Check
        label="Play a short sound then"
        checked={f.sound}
        onChange={(sound) => save({ focus: { sound } })}
      />
      <Check
        label="Stop the timer during breaks (it carries on when work does)"
        checked={f.stopTimerDuringBreaks}
        onChange={(stopTimerDuringBreaks) => save({ focus: { stopTimerDuringBreaks } })}
      />
    </fieldset>
  );
}
