// Owns launch at login as the OS holds it: set when the person changes it (and re-asserted at start), and what
// the settings view says when this host can't set it or the OS refused.
import type { Settings, SettingsView } from '../../../../shared/settings';
import type { LoginItems } from '../ports';

const noLoginItems: LoginItems = { supported: false, set: async () => {} };

export class LaunchAtLogin {
  private readonly items: LoginItems;
  private message: string | null;

  constructor(items: LoginItems | undefined) {
    this.items = items ?? noLoginItems;
    this.message = this.items.supported
      ? null
      : 'Launch at login is set by the desktop app; this preview only keeps the setting.';
  }

  view(): SettingsView['launchAtLogin'] {
    return { supported: this.items.supported, message: this.message };
  }

  async apply(settings: Settings): Promise<void> {
    if (!this.items.supported) return;
    try {
      await this.items.set(settings.launchAtLogin);
      this.message = null;
    } catch (err) {
      this.message = `Sheaf could not change launch at login: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
}
