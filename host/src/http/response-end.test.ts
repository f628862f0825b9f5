import { describe, expect, it } from 'vitest';
import { onResponseEnd } from './response-end.js';

/** A streamed response whose chunks the test pushes by hand. */
function streamedResponse() {
  let push: (chunk: string) => void = () => {};
  let finish: () => void = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      push = (chunk) => controller.enqueue(new TextEncoder().encode(chunk));
      finish = () => controller.close();
    },
  });
  return {
    response: new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }),
    push,
    finish,
  };
}

describe('onResponseEnd', () => {
  it('fires at once for a response without a body', () => {
    let ended = 0;
    onResponseEnd(new Response(null, { status: 202 }), () => ended++);
    expect(ended).toBe(1);
  });

  it('fires only after a streamed body has been read to its end, and keeps status, headers and bytes', async () => {
    let ended = 0;
    const { response, push, finish } = streamedResponse();
    const wrapped = onResponseEnd(response, () => ended++);
    expect(wrapped.status).toBe(200);
    expect(wrapped.headers.get('content-type')).toBe('text/event-stream');
    const reader = wrapped.body?.getReader();
    push('event: message\n');
    expect(new TextDecoder().decode((await reader?.read())?.value)).toBe('event: message\n');
    expect(ended).toBe(0);
    finish();
    expect((await reader?.read())?.done).toBe(true);
    expect(ended).toBe(1);
  });

  it('fires once when the client abandons the stream', async () => {
    let ended = 0;
    const { response, push } = streamedResponse();
    const wrapped = onResponseEnd(response, () => ended++);
    push('partial');
    await wrapped.body?.cancel();
    await wrapped.body?.cancel();
    expect(ended).toBe(1);
  });
});
