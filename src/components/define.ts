/** A custom element class that carries its own tag name. */
export interface TaggedElement extends CustomElementConstructor {
  readonly tagName: string;
}

/**
 * Registers a custom element unless the tag is already taken, so loading two
 * copies of emovox (for example the browser build and an npm bundle) never throws.
 */
export function defineElement(ctor: TaggedElement): void {
  if (!customElements.get(ctor.tagName)) customElements.define(ctor.tagName, ctor);
}
