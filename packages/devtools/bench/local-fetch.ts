/**
 * A `fetch` that answers every request with an SSE stream made in the page: `rate` ticker
 * events a second, written every 4 ms as they fall due. The benchmark uses it so that the
 * page gets the rate asked for whatever the machine's load does to a server process.
 */
export function localFetch(rate: number): typeof fetch {
  const encoder = new TextEncoder();
  return async (_input, init) => {
    let timer: ReturnType<typeof setInterval> | undefined;
    let id = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const started = performance.now();
        timer = setInterval(() => {
          const due = Math.floor(((performance.now() - started) * rate) / 1000);
          let text = '';
          while (id < due) {
            id++;
            const price = (100 + (id % 1000) / 100).toFixed(2);
            text += `event: quote\nid: ${id}\ndata: {"symbol":"AAPL","price":${price}}\n\n`;
          }
          if (text) controller.enqueue(encoder.encode(text));
        }, 4);
        init?.signal?.addEventListener('abort', () => {
          clearInterval(timer);
          controller.error(init.signal?.reason);
        });
      },
      cancel() {
        clearInterval(timer);
      },
    });
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  };
}
