import { staticConnections, type ConnectionProvider } from '../connections';
import { MemorySystem } from './memory-system';

/**
 * A connections module for the child-process harness: the test system persisted in a JSON-lines
 * file (`options.file`), so its state survives the SIGKILL of the process writing to it.
 */
export function createConnections(options: unknown): ConnectionProvider {
  const file =
    typeof options === 'object' && options !== null && 'file' in options ? options.file : undefined;
  if (typeof file !== 'string') throw new Error('file-connections needs { file }.');
  return staticConnections({ memory: new MemorySystem(file) });
}
