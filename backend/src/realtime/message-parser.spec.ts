import { parseClientFrame, REJECTED_FRAME } from './message-parser';

const supported_types = ['ping', 'subscribe', 'unsubscribe'];

describe('parseClientFrame', () => {
  it('routes client message types with their data, from text or binary frames', () => {
    expect(parseClientFrame('{"type":"ping"}')).toEqual({ event: 'ping', data: undefined });
    expect(parseClientFrame(Buffer.from('{"type":"subscribe","data":{"instruments":["ES"]}}'))).toEqual({
      event: 'subscribe',
      data: { instruments: ['ES'] },
    });
  });

  it('turns bad frames into the error the client must be sent', () => {
    expect(parseClientFrame('{not json')).toEqual({ event: REJECTED_FRAME, data: { message: 'Invalid JSON format' } });
    expect(parseClientFrame('{"type":"dance"}')).toEqual({
      event: REJECTED_FRAME,
      data: { message: 'Unknown message type: dance', supported_types },
    });
    for (const frame of ['{}', '[]', '42', '{"type":5}']) {
      expect(parseClientFrame(frame)).toEqual({
        event: REJECTED_FRAME,
        data: { message: 'Message must be a JSON object with a string "type"', supported_types },
      });
    }
  });

  it('cannot be made to forge the internal event, and does not echo huge types', () => {
    expect(parseClientFrame(JSON.stringify({ type: REJECTED_FRAME, data: { message: 'x' } })).data).toEqual({
      message: `Unknown message type: ${REJECTED_FRAME}`,
      supported_types,
    });
    const long = parseClientFrame(JSON.stringify({ type: 'x'.repeat(1000) }));
    expect(long.data).toEqual({ message: `Unknown message type: ${'x'.repeat(64)}…`, supported_types });
  });
});
