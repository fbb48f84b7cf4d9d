/**
 * Keeps V8's compiled code for onnxruntime's wasm alive on the page.
 *
 * V8 lazily compiles each wasm function on its first call: opening the first ORT session calls about
 * 3,600 of them, about a second of compilation on 2 cores, and that code lives in the worker, which dies
 * with `destroy()` or a reload. V8 shares compiled modules within a renderer process (keyed by the wasm
 * bytes), so the page holding the `WebAssembly.Module` lets the next worker's compile of the same bytes,
 * on a second `create()` or after a reload, reuse the code instead. The page keeps one module: code
 * only, no wasm memory.
 */

/** Key of the one message that carries the port the module travels on (outside comlink). */
export const wasmShareKey = 'emovoxWasmModule';

type Instantiate = typeof WebAssembly.instantiate;
type InstantiateStreaming = typeof WebAssembly.instantiateStreaming;

/**
 * In the worker, before ORT loads: the first module instantiated (ORT's: nothing else instantiates wasm
 * before the first session opens) is posted to the page on a port of its own, so a page that cannot read
 * it sees a `messageerror` on that port only. The wrappers are removed after that first module.
 */
export function shareFirstWasmModule(scope: { postMessage(message: unknown, transfer: Transferable[]): void }): void {
  const wasm = WebAssembly as { instantiate: Instantiate; instantiateStreaming?: InstantiateStreaming };
  const original = { instantiate: wasm.instantiate, instantiateStreaming: wasm.instantiateStreaming };
  const share = (result: unknown): void => {
    const module = (result as { module?: unknown } | undefined)?.module;
    if (!(module instanceof WebAssembly.Module)) return;
    wasm.instantiate = original.instantiate;
    if (original.instantiateStreaming) wasm.instantiateStreaming = original.instantiateStreaming;
    const channel = new MessageChannel();
    scope.postMessage({ [wasmShareKey]: channel.port2 }, [channel.port2]);
    channel.port1.postMessage(module);
  };
  wasm.instantiate = ((...args: Parameters<Instantiate>) => {
    const pending = original.instantiate.apply(WebAssembly, args) as Promise<unknown>;
    return pending.then((result) => (share(result), result));
  }) as Instantiate;
  if (original.instantiateStreaming) {
    const streaming = original.instantiateStreaming;
    wasm.instantiateStreaming = ((...args: Parameters<InstantiateStreaming>) =>
      streaming.apply(WebAssembly, args).then((result) => (share(result), result))) as InstantiateStreaming;
  }
}

/** The page's reference: replaced by each new worker's module, never released (see the file comment). */
let keptModule: WebAssembly.Module | undefined;

/** On the page: a `message` listener for the worker that keeps the module it shares; ignores every other message. */
export function keepSharedWasmModule(event: MessageEvent): void {
  const port = (event.data as Record<string, unknown> | null)?.[wasmShareKey];
  if (!(port instanceof MessagePort)) return;
  port.onmessage = (message: MessageEvent) => {
    if (message.data instanceof WebAssembly.Module) keptModule = message.data;
    port.close();
  };
  port.onmessageerror = () => port.close();
}

/** The module the page holds, if any (for tests). */
export const keptWasmModule = (): WebAssembly.Module | undefined => keptModule;
