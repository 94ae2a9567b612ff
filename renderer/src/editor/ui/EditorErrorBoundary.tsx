import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  title: string;
  reloadLabel: string;
  children: ReactNode;
}

/**
 * Keeps a rendering bug in the editor from blanking the whole window: the error is shown with a
 * way back, and the unsaved flow stays in the store (reloading the screen keeps it).
 */
export class EditorErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('The flow editor failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="screen" role="alert" data-testid="editor-crashed">
        <h1>{this.props.title}</h1>
        <p className="form-error">{error.message}</p>
        <button
          type="button"
          className="button button-primary"
          onClick={() => this.setState({ error: null })}
        >
          {this.props.reloadLabel}
        </button>
      </div>
    );
  }
}
