// Owns the settings view's focus sessions group: the switch that turns them on and, only while they are on, how
// long work and breaks last, how often the long break comes, the boundary's notification and beep, and whether
// breaks stop the Harvest timer.
import { Settings as Schema, type Settings, type SettingsUpdate } from '../../../shared/settings';
import { Check, checkWith, NumberField } from './SettingsField';

// Each length is checked with the settings' own rule, so a wrong one is explained beside its field.
const lengths = Schema.shape.focus.shape;

export function FocusSettings({
  settings,
  save,
  saveField = (update) => save(update),
}: {
  settings: Settings;
  save(update: SettingsUpdate): void;
  /** Saves one number field's change and answers with main's refusal, shown beside it. */
  saveField?(update: SettingsUpdate): Promise<string | null> | void;
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
      {/* Settings for a feature that is off are noise: they show once it is turned on. */}
      {f.enabled && <FocusDetails settings={settings} save={save} saveField={saveField} />}
    </fieldset>
  );
}

function FocusDetails({
  settings,
  save,
  saveField,
}: {
  settings: Settings;
  save(update: SettingsUpdate): void;
  saveField(update: SettingsUpdate): Promise<string | null> | void;
}) {
  const f = settings.focus;
  return (
    <>
      <NumberField
        label="Work for (minutes)"
        value={f.workMinutes}
        min={1}
        max={180}
        check={checkWith(lengths.workMinutes)}
        onCommit={(workMinutes) => saveField({ focus: { workMinutes } })}
      />
      <NumberField
        label="Then a break of (minutes)"
        value={f.breakMinutes}
        min={1}
        max={60}
        check={checkWith(lengths.breakMinutes)}
        onCommit={(breakMinutes) => saveField({ focus: { breakMinutes } })}
      />
      <NumberField
        label="A long break of (minutes)"
        value={f.longBreakMinutes}
        min={1}
        max={120}
        check={checkWith(lengths.longBreakMinutes)}
        onCommit={(longBreakMinutes) => saveField({ focus: { longBreakMinutes } })}
      />
      <NumberField
        label="After this many work sessions"
        value={f.longBreakEvery}
        min={1}
        max={12}
        check={checkWith(lengths.longBreakEvery)}
        onCommit={(longBreakEvery) => saveField({ focus: { longBreakEvery } })}
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
    </>
  );
}
