import type { ReactNode } from 'react';
import { useDocumentTitle } from './use-document-title.ts';

type PageHeaderProps = {
  /** The page's one h1. */
  title: ReactNode;
  /** The tab title; defaults to the h1 when that is plain text. */
  documentTitle?: string;
  lead?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
};

export function PageHeader({ title, documentTitle, lead, actions, children }: PageHeaderProps) {
  useDocumentTitle(documentTitle ?? (typeof title === 'string' ? title : ''));
  return (
    <div className="page-header">
      <div className="page-header-main">
        {/* tabIndex -1: the layout moves focus here after each navigation */}
        <h1 tabIndex={-1} className="page-title">
          {title}
        </h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {lead ? <p className="page-lead">{lead}</p> : null}
      {children}
    </div>
  );
}
