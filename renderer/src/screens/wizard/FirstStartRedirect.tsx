import { Redirect } from 'wouter';
import { useSettingsStore } from '../../stores/settings-store';

/** Where an address without a screen leads: the setup wizard until it was finished or skipped. */
export function FirstStartRedirect() {
  const onboarded = useSettingsStore((state) => state.settings?.onboarded ?? true);
  return <Redirect to={onboarded ? '/flows' : '/wizard'} />;
}
