import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EmotionResult, StateChangeEvent } from './recognizer-port.ts';

/** What a display element does with the results of the element it is bound to. */
export interface FeedTarget {
  /** A final result (`emovox-emotion`). */
  onFinal(result: EmotionResult): void;
  /** An interim result (`emovox-emotion-update`). */
  onInterim(result: EmotionResult): void;
  /** `start()` began a new session; its times start again at 0. */
  onSessionStart(): void;
}

const feedEvents = ['emovox-emotion', 'emovox-emotion-update', 'emovox-state'] as const;

/**
 * Binds a display element to an `<emotion-listener>` by id (`for="listener-id"`, like `<label for>`).
 * It listens on the root node (document or shadow root) for the listener's bubbling, composed events
 * and keeps those whose target has the id, so the order in which the two elements are created,
 * upgraded or replaced does not matter.
 */
export class ListenerFeed implements ReactiveController {
  /** Id of the element whose events are followed; empty follows none. */
  id = '';
  private root: Node | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement, private readonly target: FeedTarget) {
    host.addController(this);
  }

  hostConnected(): void {
    this.root = this.host.getRootNode();
    for (const name of feedEvents) this.root.addEventListener(name, this.handle);
  }

  hostDisconnected(): void {
    for (const name of feedEvents) this.root?.removeEventListener(name, this.handle);
    this.root = null;
  }

  private readonly handle = (event: Event): void => {
    if (!this.id || !(event.target instanceof Element) || event.target.id !== this.id) return;
    const detail = (event as CustomEvent<unknown>).detail;
    if (event.type === 'emovox-emotion') this.target.onFinal(detail as EmotionResult);
    else if (event.type === 'emovox-emotion-update') this.target.onInterim(detail as EmotionResult);
    else if ((detail as StateChangeEvent).state === 'starting') this.target.onSessionStart();
  };
}
