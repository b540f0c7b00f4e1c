/** Keys typed into the overlay's own controls stay in it: the page's shortcuts never see them. */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

export interface ShadowHost {
  /** `<name>`: absent from the document until `mount()`, removed again by `remove()`. */
  readonly host: HTMLElement;
  /** Open, so that tests and people can look inside. */
  readonly shadow: ShadowRoot;
  /** Appends the host as the last child of `<html>` (again, when the page removed it) and returns a fresh container. */
  mount(): HTMLElement;
  /** Calls `onRemove` with the current container, empties the shadow root's container and detaches the host. */
  remove(): void;
}

/**
 * A custom element with an open shadow root holding our style sheet and one container: the page's CSS cannot reach
 * inside (`:host { all: initial !important }` in the sheet also stops inheritance through the host), and ours
 * cannot reach out. Made once; mounted and removed as often as the overlay appears and disappears.
 */
export function createShadowHost(
  doc: Document,
  options: { name: string; css: string; onRemove?: (container: HTMLElement) => void },
): ShadowHost {
  const host = doc.createElement(options.name);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = options.css;
  shadow.append(style);
  for (const type of ISOLATED_EVENTS) shadow.addEventListener(type, (event) => event.stopPropagation());
  let container: HTMLElement | null = null;

  const remove = () => {
    if (container) {
      options.onRemove?.(container);
      container.remove();
      container = null;
    }
    host.remove();
  };

  return {
    host,
    shadow,
    mount() {
      remove();
      container = doc.createElement('div');
      shadow.append(container);
      doc.documentElement.append(host);
      return container;
    },
    remove,
  };
}
