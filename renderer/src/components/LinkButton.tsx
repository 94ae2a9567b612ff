import type { ReactNode } from 'react';
import { Link } from 'wouter';

interface LinkButtonProps {
  to: string;
  children: ReactNode;
  variant?: 'primary' | 'secondary';
}

export function LinkButton({ to, children, variant = 'primary' }: LinkButtonProps) {
  return (
    <Link href={to} className={`button button-${variant}`}>
      {children}
    </Link>
  );
}
