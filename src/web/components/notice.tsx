import type { ReactNode } from 'react';

type NoticeProps = {
  tone?: 'info' | 'success' | 'warning' | 'error';
  /** Announce it when it appears (for messages after an action). */
  live?: boolean;
  children: ReactNode;
};

export function Notice({ tone = 'info', live, children }: NoticeProps) {
  return (
    <div className={`notice notice-${tone}`} role={live ? 'status' : undefined}>
      {children}
    </div>
  );
}
