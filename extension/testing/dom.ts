import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { vi } from 'vitest';

// These tests drive real pages whose updates come from real I/O (messages, HTTP), as in a browser:
// React schedules them itself and the tests poll with `until`, rather than wrapping work in act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Renders a page into the document; returns a function that unmounts it. */
export async function render(node: ReactNode): Promise<() => Promise<void>> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  root.render(node);
  await settle();
  return async () => {
    root.unmount();
    container.remove();
    await settle();
  };
}

/** The control a `<label>` with exactly this text names, as a person finds it. */
export function byLabel<T extends HTMLElement = HTMLInputElement>(text: string): T {
  const label = [...document.querySelectorAll('label')].find((candidate) => candidate.textContent?.replace(/\s+/g, ' ').trim() === text);
  const control = label && document.getElementById(label.htmlFor);
  if (!control) throw new Error(`No control labelled "${text}"`);
  return control as T;
}

/** The button whose accessible text is exactly `name`. */
export function button(name: string): HTMLButtonElement {
  const found = [...document.querySelectorAll('button')].find(
    (candidate) => (candidate.querySelector('.visually-hidden')?.textContent ?? candidate.textContent)?.trim() === name,
  );
  if (!found) throw new Error(`No button "${name}"`);
  return found;
}

export function byTestId<T extends HTMLElement = HTMLElement>(id: string): T | null {
  return document.querySelector<T>(`[data-testid="${id}"]`);
}

/** Types into an input the way React notices (native setter + input event). */
export async function type(element: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  const prototype = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(element, value);
  element.dispatchEvent(new Event('input', { bubbles: true }));
  await settle();
}

export async function click(element: HTMLElement): Promise<void> {
  element.click();
  await settle();
}

/** Waits until `check` passes, letting React and the background work meanwhile. */
export async function until(check: () => void | Promise<void>): Promise<void> {
  // Generous: on a loaded 2-core CI machine a render plus a message round trip can take seconds.
  try {
    await vi.waitFor(check, { timeout: 10_000, interval: 10 });
  } catch (error) {
    // Say what the page showed instead, so a failure in CI can be diagnosed from its log.
    const shown = (document.body.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 400);
    throw new Error(`${(error as Error).message}\nThe page showed: ${shown || '(nothing)'}`, { cause: error });
  }
}
