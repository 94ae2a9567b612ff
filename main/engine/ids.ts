import { customAlphabet } from 'nanoid';

/**
 * Ids of runs and flows: 21 letters and digits (~125 bits, as nanoid's default). Not nanoid's own
 * alphabet: an id that starts with "-" reads as an option on the command line (`koppel runs show
 * -vrk…` failed with "unknown option"), and one with "_" or "-" is harder to read out on the phone.
 */
export const newId: () => string = customAlphabet(
  '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  21,
);
