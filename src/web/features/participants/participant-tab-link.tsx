import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';

/** The participant page's tabs a link from the overview can lead to. */
export type LinkedTab = 'inskrivning' | 'plan' | 'journal';

/**
 * A link to another tab of the participant page (?flik=…). The overview and the link go away as the tab opens,
 * so focus moves to the newly selected tab rather than being lost.
 */
export function ParticipantTabLink({ tab }: { tab: LinkedTab }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = new URLSearchParams(searchParams);
  next.set('flik', tab);
  const to = `?${next.toString()}`;

  function open(event: MouseEvent<HTMLAnchorElement>) {
    // A new tab or window is the browser's business.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void Promise.resolve(navigate(to)).then(() => focusSelectedTab(tab));
  }

  return (
    <Link to={to} onClick={open} className="overview-tab-link">
      {t('overview.toTab', { tab: t(`participant.tabs.${tab}`) })}
    </Link>
  );
}

// React Aria names a tab's element "<tabs id>-tab-<key>"; wait a few frames for the new tab to render.
function focusSelectedTab(tab: string, framesLeft = 10) {
  const selected = document.querySelector<HTMLElement>(`main [role="tab"][aria-selected="true"]`);
  if (selected?.id.endsWith(`-tab-${tab}`) || framesLeft === 0) {
    selected?.focus();
    return;
  }
  requestAnimationFrame(() => focusSelectedTab(tab, framesLeft - 1));
}
