// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createShadowHost } from '../../../components/overlay/shadow-host';

const CSS = ':host { all: initial !important; position: fixed !important; } .root { color: red; }';

afterEach(() => {
  for (const el of document.querySelectorAll('liqlens-test')) el.remove();
});

describe('createShadowHost', () => {
  it('is absent from the page until mounted, then the last child of <html> with an open shadow root', () => {
    const ui = createShadowHost(document, { name: 'liqlens-test', css: CSS });
    expect(document.querySelector('liqlens-test')).toBeNull();
    const container = ui.mount();
    const host = document.querySelector('liqlens-test');
    expect(host).toBe(ui.host);
    expect(document.documentElement.lastElementChild).toBe(host);
    expect(host?.shadowRoot).toBe(ui.shadow);
    expect(container.parentNode).toBe(ui.shadow);
  });

  it('holds the style sheet inside the shadow root, and none in the document', () => {
    const ui = createShadowHost(document, { name: 'liqlens-test', css: CSS });
    ui.mount();
    const styles = ui.shadow.querySelectorAll('style');
    expect(styles).toHaveLength(1);
    expect(styles[0]?.textContent).toBe(CSS);
    expect(document.querySelectorAll('style')).toHaveLength(0);
  });

  it('remove() hands the container to onRemove, detaches the host, and a second mount starts with a new container', () => {
    const removed: HTMLElement[] = [];
    const ui = createShadowHost(document, {
      name: 'liqlens-test',
      css: CSS,
      onRemove: (el) => removed.push(el),
    });
    const first = ui.mount();
    first.append(document.createElement('span'));
    ui.remove();
    expect(removed).toEqual([first]);
    expect(ui.host.isConnected).toBe(false);
    expect(first.isConnected).toBe(false);
    ui.remove();
    expect(removed).toHaveLength(1);

    const second = ui.mount();
    expect(second).not.toBe(first);
    expect(ui.shadow.querySelectorAll('div')).toHaveLength(1);
    expect(second.childNodes).toHaveLength(0);
  });

  it('mounting again after the page removed the host puts it back with a single container', () => {
    const removed: HTMLElement[] = [];
    const ui = createShadowHost(document, {
      name: 'liqlens-test',
      css: CSS,
      onRemove: (el) => removed.push(el),
    });
    const first = ui.mount();
    ui.host.remove();
    ui.mount();
    expect(removed).toEqual([first]);
    expect(document.querySelectorAll('liqlens-test')).toHaveLength(1);
    expect(ui.shadow.querySelectorAll('div')).toHaveLength(1);
  });

  it("keeps keystrokes in the overlay's controls from reaching the page's listeners", () => {
    const ui = createShadowHost(document, { name: 'liqlens-test', css: CSS });
    const container = ui.mount();
    const button = document.createElement('button');
    container.append(button);
    const seen: string[] = [];
    const listener = (event: Event) => seen.push(event.type);
    for (const type of ['keydown', 'keyup', 'keypress', 'click']) window.addEventListener(type, listener);
    try {
      for (const type of ['keydown', 'keyup', 'keypress']) {
        button.dispatchEvent(new KeyboardEvent(type, { bubbles: true, composed: true, key: 'a' }));
      }
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    } finally {
      for (const type of ['keydown', 'keyup', 'keypress', 'click'])
        window.removeEventListener(type, listener);
    }
    // Clicks are not isolated: the page's own click-outside handlers keep working.
    expect(seen).toEqual(['click']);
  });
});
