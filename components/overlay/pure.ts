import { Component, type FunctionComponent, h } from 'preact';

/**
 * A component that re-renders only when a prop changed by identity (preact/compat's `memo` without compat's global
 * option hooks): the badge and the ladder stay untouched while the pane layer follows a pan frame by frame.
 */
export function pure<P extends object>(inner: FunctionComponent<P>): FunctionComponent<P> {
  class Pure extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      const a = this.props as Record<string, unknown>;
      const b = next as Record<string, unknown>;
      for (const key in b) if (key !== 'children' && a[key] !== b[key]) return true;
      for (const key in a) if (!(key in b)) return true;
      return false;
    }
    override render() {
      return h(inner, this.props);
    }
  }
  return Pure as unknown as FunctionComponent<P>;
}
