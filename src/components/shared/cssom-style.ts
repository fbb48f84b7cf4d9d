import { nothing } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';

/** Inline declarations by CSS property name (`width`, `background`, `--my-var`), each a CSS value. */
export type CssomDeclarations = Readonly<Record<string, string>>;

/**
 * Sets inline styles through the CSSOM (`element.style.setProperty`) instead of a `style`
 * attribute. A strict Content-Security-Policy without `style-src 'unsafe-inline'` refuses
 * `style="…"` whether it comes from markup or from `setAttribute`, and Lit's `styleMap`
 * writes the attribute on first render; CSSOM writes from script are always allowed.
 *
 * Used in element position: `<div ${cssomStyle({ width: '40%' })}></div>`. Properties that
 * a later render no longer names are removed, so the element keeps no stale declarations.
 */
class CssomStyleDirective extends Directive {
  private applied: ReadonlySet<string> = new Set();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) {
      throw new TypeError('cssomStyle() must be used in element position, e.g. <div ${cssomStyle({ ... })}>, not as an attribute value');
    }
  }

  render(_declarations: CssomDeclarations): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [declarations]: [CssomDeclarations]): typeof nothing {
    const { style } = part.element as HTMLElement | SVGElement;
    for (const name of this.applied) {
      if (!Object.hasOwn(declarations, name)) style.removeProperty(name);
    }
    for (const [name, value] of Object.entries(declarations)) {
      style.setProperty(name, value);
    }
    this.applied = new Set(Object.keys(declarations));
    return nothing;
  }
}

/** Lit element directive: applies `declarations` as inline styles via the CSSOM, never via a `style` attribute. */
export const cssomStyle = directive(CssomStyleDirective);
