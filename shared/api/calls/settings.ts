import { z } from 'zod';
import { defineCall } from '../define';
import { Settings, SettingsPatch } from '../../settings/settings';

export const settingsCalls = {
  'settings.get': defineCall(z.object({}).strict(), Settings, 'The current settings.'),
  'settings.update': defineCall(SettingsPatch, Settings, 'Changes some settings; returns all of them.'),
} as const;
