// Owns what Sheaf has to tell the person since it started (a damaged file set aside, a time zone mismatch) until
// they dismiss them. The timer service keeps its own notices; the snapshot shows both.
export class Notices {
  private readonly messages: string[] = [];

  tell(message: string): void {
    this.messages.push(message);
  }

  /** For what every sign-in would find again (a zone mismatch): said once while it is on screen. */
  tellOnce(message: string): void {
    if (!this.messages.includes(message)) this.tell(message);
  }

  list(): readonly string[] {
    return this.messages;
  }

  dismiss(): void {
    this.messages.length = 0;
  }
}
