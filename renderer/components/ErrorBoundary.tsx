// The last line of defence: a screen that fails to draw shows a plain sentence and a way back,
// never a stack trace. The detail goes to the console for a developer.
import { Component, type ReactNode } from 'react';
import { UNEXPECTED } from '../state/messages';

interface State {
  failed: boolean;
}

export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('[board-pack] a screen failed to draw:', error);
  }

  override componentDidUpdate(previous: { resetKey: string }): void {
    if (previous.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="error-message" role="alert">
        <p>{UNEXPECTED} This screen could not be shown.</p>
        <p>
          <a href="#/home">Go to Home</a> or choose another screen. Your saved work is safe.
        </p>
      </div>
    );
  }
}
