import { useEffect } from 'react';
import { useLocation } from 'wouter';
import { apiClient } from '../api/api';

/**
 * Opens the screen the desktop host was asked for while the window was open: a clicked
 * notification's run, or a koppel:// link's (a closed window opens on it instead).
 */
export function ShowRouteRequests() {
  const [, navigate] = useLocation();
  useEffect(() => apiClient().on('app.show', ({ route }) => navigate(route)), [navigate]);
  return null;
}
