/** Lets chained promises (a queued request, then what follows its answer) run before the test goes on. */
export async function settleMicrotasks(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
}
