/** Whether the runtime knows this IANA timezone (e.g. Europe/London): the one check the server and the console share. */
export function isTimezone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
