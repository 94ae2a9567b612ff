/**
 * Runs `load` for every input with at most `parallel` in flight, and hands the results to
 * `deliver` in input order (a later result waits for the earlier ones). Stops at the first error.
 */
export async function loadInOrder<I, R>(
  inputs: readonly I[],
  load: (input: I) => Promise<R>,
  deliver: (result: R, input: I) => void,
  parallel = 4,
): Promise<void> {
  const pending: Promise<R>[] = [];
  let next = 0;
  const launch = () => {
    const input = inputs[next++];
    if (input !== undefined) pending.push(load(input));
  };
  for (let count = 0; count < parallel; count++) launch();
  for (let index = 0; index < inputs.length; index++) {
    const result = await pending[index];
    const input = inputs[index];
    launch();
    if (result !== undefined && input !== undefined) deliver(result, input);
  }
}
