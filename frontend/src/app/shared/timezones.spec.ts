import { isTimezone, timezoneSuggestions } from './timezones';

describe('timezoneSuggestions', () => {
  it('offers common zones first and matches any part of the name, spaces as underscores', () => {
    expect(timezoneSuggestions('')[0]).toBe('America/New_York');
    expect(timezoneSuggestions('new york')).toEqual(['America/New_York']);
    expect(timezoneSuggestions('zzz')).toEqual([]);
  });
});

describe('isTimezone', () => {
  it('knows IANA names and refuses anything else', () => {
    expect(['Europe/London', 'Asia/Tokyo', 'UTC'].map(isTimezone)).toEqual([true, true, true]);
    expect(['Mars/Olympus', 'Europe/London ', ''].map(isTimezone)).toEqual([false, false, false]);
  });
});
