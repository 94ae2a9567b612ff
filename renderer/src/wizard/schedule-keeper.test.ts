import { describe, expect, it } from 'vitest';
import { scheduleKeeper } from './schedule-keeper';

describe('scheduleKeeper', () => {
  it('names what keeps the schedules going on each host', () => {
    expect(scheduleKeeper('electron', true)).toBe('wizard.enable.whileTray');
    expect(scheduleKeeper('electron', false)).toBe('wizard.enable.whileOpen');
    expect(scheduleKeeper('web', true)).toBe('wizard.enable.whileServing');
    // The command line shows no wizard; before the host is known, nothing is said.
    expect(scheduleKeeper('cli', true)).toBeNull();
    expect(scheduleKeeper(undefined, true)).toBeNull();
  });
});
