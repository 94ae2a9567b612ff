import { createProgram } from './program';

// Output piped into a program that stops reading (`koppel runs list | head`) is not an error:
// the command goes on to its end (a run is not cut short) and exits with its own code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}

createProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.stderr.write(`koppel: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  });
