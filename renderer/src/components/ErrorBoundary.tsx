// Owns what the popover shows when a view fails to render: what happened and a way back, never a blank page.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Puts main back on a view that can be shown (today), before the children are tried again. */
  backToToday: () => Promise<unknown>;
  /** Reloads the page; the state comes back from main, which a render error never touches. */
  reload?: () => void;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('The popover could not show a view:', error, info.componentStack);
  }

  private readonly backToToday = async () => {
    // A failed command shows its message in the view once it is back; the view is tried again either way.
    await this.props.backToToday().catch(() => undefined);
    this.setState({ error: null });
  };

  private readonly reload = () => (this.props.reload ?? (() => window.location.reload()))();

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="popover">
        <section className="crashed" role="alert" aria-labelledby="crashed-title">
          <h1 id="crashed-title">Sheaf couldn't show this view</h1>
          <p>
            Your timer and entries are safe: they are kept by Sheaf's background process, not this window. Go
            back to today, or reload the window.
          </p>
          <p className="muted small">{error.message}</p>
          <div className="crashed-actions">
            <button type="button" className="primary" onClick={() => void this.backToToday()}>
              Back to today
            </button>
            <button type="button" onClick={this.reload}>
              Reload
            </button>
          </div>
        </section>
      </main>
    );
  }
}
