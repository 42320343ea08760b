// Owns the one control that turns questions about time away on and off, and how long Sheaf waits before asking.
// Off is stored as 0 minutes (what core already understands); turning it back on restores the last wait chosen.
import { useId, useState } from 'react';
import { defaultSettings, Settings, type SettingsUpdate } from '../../../shared/settings';
import { checkWith, NumberField } from './SettingsField';

const checkMinutes = checkWith(Settings.shape.idleThresholdMinutes);

export function AskAboutTimeAway({
  minutes,
  save,
}: {
  minutes: number;
  save(update: SettingsUpdate): Promise<string | null> | void;
}) {
  const id = useId();
  const on = minutes > 0;
  // The wait to come back to after switching off and on again in this visit to Settings.
  const [lastOn, setLastOn] = useState(on ? minutes : defaultSettings.idleThresholdMinutes || 10);
  return (
    <>
      <label className="check" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={on}
          onChange={(e) => {
            if (!e.target.checked) setLastOn(minutes);
            void save({ idleThresholdMinutes: e.target.checked ? lastOn : 0 });
          }}
        />
        Ask what to do with time away from the computer
      </label>
      {on && (
        <NumberField
          label="Ask after (minutes away)"
          value={minutes}
          min={1}
          max={240}
          check={(n) =>
            n === 0 ? 'Ask after at least 1 minute, or switch the question off above' : checkMinutes(n)
          }
          onCommit={(idleThresholdMinutes) => save({ idleThresholdMinutes })}
        />
      )}
    </>
  );
}
