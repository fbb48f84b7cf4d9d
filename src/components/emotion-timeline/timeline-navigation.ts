import type { EmotionResult } from '../shared/recognizer-port.ts';
import { timelineLayout } from './timeline-drawing.ts';
import { clampWindow, resultAt, zoomWindow, type TimeWindow } from './timeline-view.ts';

/** What the navigation needs from `<emotion-timeline>`. */
export interface NavigableTimeline extends HTMLElement {
  readonly results: readonly EmotionResult[];
  readonly selectedIndex: number;
  readonly lengthMs: number;
  readonly renderRoot: HTMLElement | DocumentFragment;
  select(index: number): void;
  seek(index?: number): void;
  setView(view: TimeWindow, zoomed: boolean): void;
  currentView(): TimeWindow;
  setHover(index: number): void;
}

/** Pixels around the pointer within which a thin segment still counts as hit. */
const hitSlopPx = 4;

/**
 * Keyboard, pointer and wheel input of the timeline, turned into selection, seeking and view changes.
 * Handlers are arrow functions so the template can bind them directly.
 */
export class TimelineNavigation {
  constructor(private readonly host: NavigableTimeline) {}

  readonly onKeyDown = (event: KeyboardEvent): void => {
    const { host } = this;
    const current = host.selectedIndex;
    const last = host.results.length - 1;
    const view = host.currentView();
    const centre = (view.startMs + view.endMs) / 2;
    switch (event.key) {
      case 'ArrowRight': case 'ArrowDown': host.select(current < 0 ? this.firstVisible() : current + 1); break;
      case 'ArrowLeft': case 'ArrowUp': host.select(current < 0 ? last : current - 1); break;
      case 'Home': host.select(0); break;
      case 'End': host.select(last); break;
      case 'PageDown': host.select(Math.max(0, current) + 10); break;
      case 'PageUp': host.select(Math.max(0, current) - 10); break;
      case 'Enter': case ' ': host.seek(); break;
      case '+': case '=': host.setView(zoomWindow(view, 0.5, centre, host.lengthMs), true); break;
      case '-': case '_': host.setView(zoomWindow(view, 2, centre, host.lengthMs), true); break;
      case '0': host.setView(clampWindow(0, host.lengthMs, host.lengthMs), true); break;
      case 'Escape': host.setHover(-1); break;
      default: return;
    }
    event.preventDefault();
  };

  readonly onClick = (event: MouseEvent): void => {
    const index = this.indexAt(event);
    if (index < 0) return;
    this.host.select(index);
    this.host.seek(index);
  };

  readonly onPointerMove = (event: PointerEvent): void => {
    this.host.setHover(this.indexAt(event));
  };

  readonly onPointerLeave = (): void => {
    this.host.setHover(-1);
  };

  /** Ctrl/Cmd+wheel zooms around the pointer, Shift+wheel or a horizontal wheel scrolls; a plain wheel scrolls the page. */
  readonly onWheel = (event: WheelEvent): void => {
    const { host } = this;
    const view = host.currentView();
    const msPerPx = (view.endMs - view.startMs) / Math.max(1, this.plotWidth());
    if (event.ctrlKey || event.metaKey) {
      const factor = Math.pow(1.25, Math.sign(event.deltaY));
      host.setView(zoomWindow(view, factor, this.timeAt(event) ?? view.startMs, host.lengthMs), true);
    } else if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
      const delta = (event.shiftKey ? event.deltaY : event.deltaX) || event.deltaX;
      host.setView(clampWindow(view.startMs + delta * msPerPx, view.endMs - view.startMs, host.lengthMs), false);
    } else {
      return;
    }
    event.preventDefault();
  };

  private canvas(): HTMLCanvasElement | null {
    return this.host.renderRoot.querySelector('canvas');
  }

  private plotWidth(): number {
    const canvas = this.canvas();
    return canvas ? timelineLayout(canvas.clientWidth, canvas.clientHeight).segments.width : 0;
  }

  /** Time under the pointer, ms, or `undefined` outside the plot. */
  private timeAt(event: MouseEvent): number | undefined {
    const canvas = this.canvas();
    if (!canvas) return undefined;
    const rect = canvas.getBoundingClientRect();
    const { segments } = timelineLayout(rect.width, rect.height);
    const px = event.clientX - rect.left - segments.left;
    if (px < 0 || px > segments.width) return undefined;
    const view = this.host.currentView();
    return view.startMs + (px / segments.width) * (view.endMs - view.startMs);
  }

  private indexAt(event: MouseEvent): number {
    const time = this.timeAt(event);
    if (time === undefined) return -1;
    const view = this.host.currentView();
    const slop = (hitSlopPx * (view.endMs - view.startMs)) / Math.max(1, this.plotWidth());
    return resultAt(this.host.results, time, slop);
  }

  private firstVisible(): number {
    const start = this.host.currentView().startMs;
    const index = this.host.results.findIndex((r) => r.endMs >= start);
    return Math.max(0, index);
  }
}
