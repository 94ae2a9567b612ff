import { useReactFlow } from '@xyflow/react';
import { useCallback, useMemo, useState, useSyncExternalStore, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useFlowEditorStore } from '../stores/flow-editor-store';
import { useSettingsStore } from '../stores/settings-store';
import { BottomPanel, type BottomTab } from './BottomPanel';
import { FlowCanvas } from './canvas/FlowCanvas';
import { useEditorShortcuts } from './canvas/useEditorShortcuts';
import { EditorHeader } from './EditorHeader';
import { ElsewhereBar } from './ElsewhereBar';
import { describeObject } from './form/form-model';
import { Inspector } from './inspector/Inspector';
import { INSPECTOR_MIN_WIDTH } from '../../../shared/settings/settings';
import { InspectorSplitter } from './InspectorSplitter';
import { IconSprite } from './icons/IconSprite';
import { Palette } from './palette/Palette';
import { SaveConflictDialog } from './SaveConflictDialog';
import { ConfirmDialog } from './ui/ConfirmDialog';
import { useFlowActions } from './useFlowActions';
import { useLeaveGuard } from './useLeaveGuard';

/** The editor once a flow is loaded: toolbar, palette, canvas with its bottom panel, inspector. */
export function FlowEditor({ flowId }: { flowId: string }) {
  const { t } = useTranslation();
  const actions = useFlowActions();
  const guard = useLeaveGuard();
  const [tab, setTab] = useState<BottomTab>('problems');
  // The bottom panel opens by itself only when there is something to see in it.
  const [panelOpen, setPanelOpen] = useState(() => useFlowEditorStore.getState().problems.length > 0);
  const select = useFlowEditorStore((state) => state.select);
  const { fitView } = useReactFlow();
  const entries = useFlowEditorStore((state) => state.entries);
  // Kinds edited in a wide panel: the field mapper and the code editor need the room.
  const wideKinds = useMemo(
    () =>
      new Set(
        entries
          .filter((entry) =>
            describeObject(entry.configSchema).some(
              (field) => field.widget === 'mapping' || field.widget === 'code',
            ),
          )
          .map((entry) => entry.ref),
      ),
    [entries],
  );
  const selectedRef = useFlowEditorStore((state) => {
    const selected = state.nodes.filter((node) => node.selected);
    const only = selected.length === 1 ? selected[0] : undefined;
    return only ? `${only.data.kind}@${only.data.version}` : '';
  });
  const wide = wideKinds.has(selectedRef);
  // The inspector's width: as dragged now, else as the user left it, else the layout's default.
  const savedWidth = useSettingsStore((state) => state.settings?.inspectorWidth ?? null);
  const updateSettings = useSettingsStore((state) => state.update);
  const [draggedWidth, setDraggedWidth] = useState<number | null>(null);
  const windowWidth = useWindowWidth();
  const maxWidth = inspectorMax(windowWidth);
  const chosenWidth = draggedWidth ?? savedWidth;
  const inspectorWidth =
    chosenWidth === null ? defaultInspectorWidth(windowWidth) : Math.min(chosenWidth, maxWidth);
  const bodyStyle = wide ? undefined : ({ '--inspector-width': `${inspectorWidth}px` } as CSSProperties);
  const iconNames = useMemo(() => ['box', ...entries.map((entry) => entry.icon)], [entries]);

  useEditorShortcuts(() => void actions.save());

  const reveal = useCallback(
    (nodeId: string) => {
      select([nodeId]);
      void fitView({ nodes: [{ id: nodeId }], duration: 200, maxZoom: 1.2 });
    },
    [fitView, select],
  );

  return (
    <div className="ed-screen" data-testid="screen-flow-editor">
      <IconSprite names={iconNames} />
      <EditorHeader
        actions={actions}
        onRan={(next) => {
          setTab(next);
          setPanelOpen(true);
        }}
      />
      <ElsewhereBar elsewhere={actions.elsewhere} onReview={() => void actions.review()} />
      <div className={`ed-body${wide ? ' ed-wide' : ''}`} style={bodyStyle}>
        <Palette />
        <div className="ed-center">
          <FlowCanvas />
          <BottomPanel
            tab={tab}
            open={panelOpen}
            flowId={flowId}
            onTab={(next) => {
              setTab(next);
              setPanelOpen(true);
            }}
            onToggle={() => setPanelOpen((open) => !open)}
            onReveal={reveal}
          />
        </div>
        {!wide && (
          <InspectorSplitter
            width={inspectorWidth}
            max={maxWidth}
            onResize={setDraggedWidth}
            onCommit={(width) => {
              setDraggedWidth(null);
              void updateSettings({ inspectorWidth: width });
            }}
          />
        )}
        <Inspector />
      </div>
      <ConfirmDialog
        open={guard.pending !== null}
        title={t('editor.leave.title')}
        onCancel={guard.cancel}
        testId="leave-dialog"
        actions={[
          { label: t('editor.leave.stay'), onClick: guard.cancel, testId: 'leave-stay' },
          {
            label: t('editor.leave.discard'),
            variant: 'danger',
            testId: 'leave-discard',
            onClick: () => {
              useFlowEditorStore.getState().discard();
              guard.leave();
            },
          },
          {
            label: t('editor.leave.save'),
            variant: 'primary',
            testId: 'leave-save',
            onClick: () => void actions.save().then((saved) => (saved ? guard.leave() : guard.cancel())),
          },
        ]}
      >
        <p>{t('editor.leave.body')}</p>
      </ConfirmDialog>
      <SaveConflictDialog
        conflict={actions.conflict}
        onChoose={(choice) => void actions.resolveConflict(choice)}
      />
    </div>
  );
}

/** The window's width, again after each resize (a narrower window narrows a dragged inspector). */
function useWindowWidth(): number {
  return useSyncExternalStore(
    (changed) => {
      window.addEventListener('resize', changed);
      return () => window.removeEventListener('resize', changed);
    },
    () => window.innerWidth,
  );
}

/**
 * The inspector's width when the user has not dragged it. A small laptop window: narrower, so the
 * canvas keeps more room. The palette keeps its width (the app's navigation has narrowed to icons
 * instead), so long Dutch names still break at their hyphens ("Teamleader-productcategorieën").
 */
function defaultInspectorWidth(windowWidth: number): number {
  return windowWidth <= 1180 ? 288 : 340;
}

/** The widest the inspector may be dragged: the palette keeps 220 px and the canvas at least 360. */
function inspectorMax(windowWidth: number): number {
  return Math.max(INSPECTOR_MIN_WIDTH, Math.min(1200, windowWidth - 220 - 360));
}
