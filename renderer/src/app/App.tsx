import { useEffect } from 'react';
import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { ConnectionsScreen } from '../screens/connections/ConnectionsScreen';
import { DashboardScreen } from '../screens/dashboard/DashboardScreen';
import { FlowEditorScreen } from '../screens/flows/FlowEditorScreen';
import { FlowsScreen } from '../screens/flows/FlowsScreen';
import { RunsRoot } from '../runs/RunsRoot';
import { RecordDetailScreen } from '../screens/runs/RecordDetailScreen';
import { RunDetailScreen } from '../screens/runs/RunDetailScreen';
import { RunsScreen } from '../screens/runs/RunsScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { FirstStartRedirect } from '../screens/wizard/FirstStartRedirect';
import { WizardScreen } from '../screens/wizard/WizardScreen';
import { AppFrame } from './AppFrame';
import { ShowRouteRequests } from './ShowRouteRequests';

/** Routes live in the hash, so the same build works from file:// (desktop) and http:// (web host). */
export function App() {
  useEffect(() => {
    // Tests and the desktop shell wait for this marker instead of sleeping.
    const root = document.getElementById('root');
    if (root) root.dataset.appState = 'ready';
  }, []);
  return (
    <Router hook={useHashLocation}>
      <AppFrame>
        <Switch>
          <Route path="/flows/:id" component={FlowEditorScreen} />
          <Route path="/flows" component={FlowsScreen} />
          <Route path="/runs/:runId/records/:itemId" component={RecordDetailScreen} />
          {/* Keyed: another run, or the same run with or without "/failed", starts with its own
              tab and filter (React would otherwise keep the screen and the filter it had). */}
          <Route path="/runs/:runId/failed">
            {(params) => (
              <RunDetailScreen key={`${params.runId}/failed`} params={params} initialStatus="failed" />
            )}
          </Route>
          <Route path="/runs/:runId">
            {(params) => <RunDetailScreen key={params.runId} params={params} />}
          </Route>
          <Route path="/runs" component={RunsScreen} />
          <Route path="/dashboard" component={DashboardScreen} />
          <Route path="/connections" component={ConnectionsScreen} />
          <Route path="/settings" component={SettingsScreen} />
          <Route path="/wizard" component={WizardScreen} />
          <Route>
            <FirstStartRedirect />
          </Route>
        </Switch>
      </AppFrame>
      <RunsRoot />
      <ShowRouteRequests />
    </Router>
  );
}
