import { TestBed } from '@angular/core/testing';
import { anInstrument, aTick } from '../../../testing/factories';
import { FakeSocketFactory } from '../../../testing/fake-socket';
import { QuoteBook, SPARK_POINTS } from './quote-book';
import { RealtimeService, SOCKET_FACTORY } from './realtime.service';

describe('QuoteBook', () => {
  let book: QuoteBook;

  beforeEach(() => {
    TestBed.configureTestingModule({});
    book = TestBed.inject(QuoteBook);
  });

  it('starts a quote from the stored last price and measures change from the first price seen', () => {
    book.seed([anInstrument({ last_price: 6000 }), anInstrument({ id: 2, symbol: 'NEW', last_price: null })]);
    book.apply(aTick({ price: 6002.5 }));
    book.apply(aTick({ price: 6001, bid: 6000.75, ask: 6001.25 }));
    expect(book.quotes()['NEW']).toBeUndefined();
    expect(book.quotes()['ES']).toEqual({
      price: 6001,
      bid: 6000.75,
      ask: 6001.25,
      first: 6000,
      history: [6000, 6002.5, 6001],
      direction: 'down',
      seq: 2,
      timestamp: '2026-11-22T14:30:00.000Z',
    });
  });

  it('never lets a later page load reset a symbol that is already ticking', () => {
    book.apply(aTick({ price: 6005 }));
    book.seed([anInstrument({ last_price: 5000 })]);
    expect(book.quotes()['ES']).toMatchObject({ price: 6005, first: 6005 });
  });

  it('keeps direction and flash counter when the price repeats', () => {
    book.apply(aTick({ price: 6000 }));
    book.apply(aTick({ price: 6001 }));
    book.apply(aTick({ price: 6001 }));
    expect(book.quotes()['ES']).toMatchObject({ direction: 'up', seq: 1 });
  });

  it('keeps the sparkline history bounded, newest last', () => {
    for (let i = 0; i < SPARK_POINTS + 20; i++) book.apply(aTick({ price: 6000 + i }));
    const history = book.quotes()['ES']?.history ?? [];
    expect(history).toHaveLength(SPARK_POINTS);
    expect(history.at(-1)).toBe(6000 + SPARK_POINTS + 19);
    expect(history[0]).toBe(6020);
  });
});

describe('QuoteBook on the socket', () => {
  it('follows tick_update messages once started', () => {
    const sockets = new FakeSocketFactory();
    TestBed.configureTestingModule({ providers: [{ provide: SOCKET_FACTORY, useValue: sockets.create }] });
    const book = TestBed.inject(QuoteBook);
    book.start();
    book.start();
    const realtime = TestBed.inject(RealtimeService);
    realtime.connect('ws://x/ws/realtime');
    sockets.last.open();
    sockets.last.push('tick_update', aTick({ symbol: 'NQ', price: 21000 }));
    expect(book.quotes()['NQ']?.history).toEqual([21000]);
    realtime.disconnect();
  });
});
