import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Programme } from '../../../core/schemas/programme.schema.ts';
import { Notice } from '../../components/notice.tsx';
import { ErrorState, Loading } from '../../components/query-state.tsx';
import { useChecklist } from './programmes.queries.ts';

// Only managers edit, so the form's code loads when they ask for it.
const ChecklistEditForm = lazy(async () => ({
  default: (await import('./checklist-edit-form.tsx')).ChecklistEditForm,
}));

type Step = Programme['steps'][number];

/** A step's checklist behind a "Checklista (n punkter)" button; those who manage the programme can edit it. */
export function StepChecklist({
  programmeId,
  step,
  mayEdit,
  headingLevel,
}: {
  programmeId: string;
  step: Step;
  mayEdit: boolean;
  headingLevel: 3 | 4 | 5;
}) {
  const { t } = useTranslation();
  const checklist = useChecklist(programmeId, step.id);
  const panelId = useId();
  const editButton = useRef<HTMLButtonElement>(null);
  const [isOpen, setOpen] = useState(false);
  const [isEditing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  // After the form closes, focus returns to the button that opened it.
  const [returnFocus, setReturnFocus] = useState(false);
  useEffect(() => {
    if (!returnFocus) return;
    editButton.current?.focus();
    setReturnFocus(false);
  }, [returnFocus]);

  const stepName = t('stepChecklist.forStep', { ordinal: step.ordinal, name: step.name });
  const forStep = <span className="visually-hidden"> {stepName}</span>;
  const count = checklist.data?.items.length;

  return (
    <div className="step-checklist">
      <Button
        className="button button-link step-checklist-toggle"
        aria-expanded={isOpen}
        aria-controls={isOpen ? panelId : undefined}
        onPress={() => setOpen((open) => !open)}
      >
        {count === undefined ? t('stepChecklist.toggle') : t('stepChecklist.toggleCount', { count })}
        {forStep}
      </Button>
      {isOpen ? (
        <div id={panelId} className="step-checklist-panel">
          {checklist.isPending ? (
            <Loading />
          ) : checklist.isError ? (
            <ErrorState error={checklist.error} onRetry={() => checklist.refetch()} />
          ) : isEditing ? (
            <Suspense fallback={<Loading />}>
              <ChecklistEditForm
                programmeId={programmeId}
                step={step}
                checklist={checklist.data}
                headingLevel={headingLevel}
                onDone={(didSave) => {
                  setEditing(false);
                  setSaved(didSave);
                  setReturnFocus(true);
                }}
              />
            </Suspense>
          ) : (
            <>
              {saved ? (
                <Notice tone="success" live>
                  {t('stepChecklist.savedNotice')}
                </Notice>
              ) : null}
              {checklist.data.items.length === 0 ? (
                <p className="muted">{t('stepChecklist.empty')}</p>
              ) : (
                <ol className="step-checklist-items">
                  {checklist.data.items.map((item) => (
                    <li key={item.id}>{item.label}</li>
                  ))}
                </ol>
              )}
              {mayEdit ? (
                <Button
                  ref={editButton}
                  className="button button-secondary button-small"
                  onPress={() => {
                    setSaved(false);
                    setEditing(true);
                  }}
                >
                  {t('stepChecklist.edit')}
                  {forStep}
                </Button>
              ) : null}
            </>
          )}
        </div>
      ) : null}
    </div>
  );
}
