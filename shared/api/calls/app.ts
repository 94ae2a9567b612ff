import { z } from 'zod';
import { defineCall } from '../define';

export const HostKind = z.enum(['electron', 'web', 'cli']);
export type HostKind = z.infer<typeof HostKind>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  host: HostKind,
  platform: z.string(),
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const appCalls = {
  'app.info': defineCall(z.object({}).strict(), AppInfo, 'What is running: version, host and data folder.'),
  'app.openExternal': defineCall(
    z.object({ url: z.url({ protocol: /^https$/ }) }).strict(),
    z.object({ opened: z.boolean() }),
    'Opens an https: link in the system browser (desktop only; the web host opens links itself).',
  ),
} as const;
