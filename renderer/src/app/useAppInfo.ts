import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/api/calls/app';
import { api } from '../api/api';

export function useAppInfo(): AppInfo | null {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let live = true;
    void api()
      .app.info({})
      .then((next) => live && setInfo(next));
    return () => {
      live = false;
    };
  }, []);
  return info;
}
