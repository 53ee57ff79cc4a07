import { Component, type ErrorInfo, type ReactNode } from 'react';

/**
 * Keeps one broken view from blanking the whole app: the view shows what went wrong and a way back;
 * the documents are untouched (they live in IndexedDB, not in the view).
 */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { error: Error | null; key: string }> {
  override state = { error: null as Error | null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: { resetKey: string }, state: { error: Error | null; key: string }) {
    // moving to another view clears the error
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('view failed', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="warning" role="alert" data-testid="view-error">
        <h2>This view stopped working</h2>
        <p>{this.state.error.message}</p>
        <p>Your data is safe on this device. Try another view, or reload.</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
