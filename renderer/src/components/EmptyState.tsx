import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';

interface EmptyStateProps {
  icon: LucideIcon;
  title: string;
  body: string;
  action?: ReactNode;
  testId?: string;
}

/** What a screen shows before there is anything to show: what will be here and how to get there. */
export function EmptyState({ icon: Icon, title, body, action, testId }: EmptyStateProps) {
  return (
    <section className="empty-state" data-testid={testId}>
      <div className="empty-state-icon" aria-hidden="true">
        <Icon size={28} strokeWidth={1.6} />
      </div>
      <h2>{title}</h2>
      <p>{body}</p>
      {action && <div className="empty-state-action">{action}</div>}
    </section>
  );
}
