// Owns what Sheaf has to tell the person until they dismiss it: its own news since it started (a time zone
// mismatch, a timer that kept running elsewhere) and what other parts hold (a damaged settings file set aside,
// the open account's changes Harvest refused), listed and dismissed here, in one place.

/** A part that keeps notices of its own: listed with the rest, dismissed with them. */
export interface NoticeSource {
  notices(): readonly string[];
  dismissNotices(): void;
}

export class Notices {
  private readonly messages: string[] = [];
  /** Listed before Sheaf's own news (what was found at start), and after it (what comes and goes). */
  private readonly first: Array<() => NoticeSource | null> = [];
  private readonly last: Array<() => NoticeSource | null> = [];

  /** `source()` is asked each time, so it may name another part later (the account now shown) or none. */
  include(source: () => NoticeSource | null, where: 'first' | 'last'): void {
    (where === 'first' ? this.first : this.last).push(source);
  }

  tell(message: string): void {
    this.messages.push(message);
  }

  /** For what every sign-in would find again (a zone mismatch): said once while it is on screen. */
  tellOnce(message: string): void {
    if (!this.messages.includes(message)) this.tell(message);
  }

  list(): readonly string[] {
    const from = (sources: Array<() => NoticeSource | null>) => sources.flatMap((s) => s()?.notices() ?? []);
    return [...from(this.first), ...this.messages, ...from(this.last)];
  }

  dismiss(): void {
    this.messages.length = 0;
    for (const source of [...this.first, ...this.last]) source()?.dismissNotices();
  }
}
