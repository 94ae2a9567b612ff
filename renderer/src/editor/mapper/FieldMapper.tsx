import { Plus } from 'lucide-react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapSource } from '../../../../shared/nodes/core/map';
import { useFlowEditorStore } from '../../stores/flow-editor-store';
import { inputSchemaOf, targetSchemaOf } from '../model/record-schemas';
import { useNodeSample } from '../useNodeSample';
import { MappingLines } from './MappingLines';
import { MappingPreview } from './MappingPreview';
import { MappingRuleEditor } from './MappingRuleEditor';
import {
  mappingOf,
  readMappings,
  removeMapping,
  setMapping,
  setOnCreateOnly,
  sourceFields,
  sourcePathOf,
  targetFields,
  unmappedRequired,
} from './mapper-model';
import { SampleBar } from './SampleBar';
import { SourceFieldList } from './SourceFieldList';
import { TargetFieldList } from './TargetFieldList';

interface FieldMapperProps {
  nodeId: string;
  config: Record<string, unknown>;
  onChange(config: Record<string, unknown>, key: string): void;
}

/**
 * The field mapper: the sample record's fields on the left (with values), the target's fields on
 * the right (required ones marked), lines between mapped pairs, a rule editor for the chosen
 * target field and a live preview of the mapped record.
 */
export function FieldMapper({ nodeId, config, onChange }: FieldMapperProps) {
  const { t } = useTranslation();
  const nodes = useFlowEditorStore((state) => state.nodes);
  const edges = useFlowEditorStore((state) => state.edges);
  const catalog = useFlowEditorStore((state) => state.catalog);
  const recordTypes = useFlowEditorStore((state) => state.recordTypes);
  const { entry, refetch } = useNodeSample(nodeId);
  const [selected, setSelected] = useState<string | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [sourceFilter, setSourceFilter] = useState('');
  const [targetFilter, setTargetFilter] = useState('');
  const [added, setAdded] = useState<string[]>([]);
  const [newTarget, setNewTarget] = useState('');
  const [showRaw, setShowRaw] = useState(false);
  const columns = useRef<HTMLDivElement>(null);

  const view = useMemo(() => ({ nodes, edges, catalog, recordTypes }), [nodes, edges, catalog, recordTypes]);
  // The schemas depend on the graph, not on positions: recompute only when an edge or kind changes.
  const graphKey = JSON.stringify([
    edges.map((edge) => [edge.source, edge.sourceHandle, edge.target]),
    nodes.map((node) => node.data.kind),
  ]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by graphKey on purpose (moves do not matter)
  const inputSchema = useMemo(() => inputSchemaOf(nodeId, view), [nodeId, graphKey]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- as above
  const targetSchema = useMemo(() => targetSchemaOf(nodeId, view), [nodeId, graphKey]);
  const mappings = readMappings(config);
  const record = entry?.sample?.record ?? null;

  const sources = useMemo(() => sourceFields(record, inputSchema), [record, inputSchema]);
  const targets = targetFields(targetSchema, mappings, added);
  // With "keep other fields" on, what the input has at the same path passes through.
  const passedThrough = new Set(config.keepUnmapped === true ? sources.map((field) => field.path) : []);
  const missing = unmappedRequired(targets, mappings, passedThrough);
  const missingSet = new Set(missing);
  const used = new Set(mappings.flatMap((mapping) => sourcePathOf(mapping.source) ?? []));
  const match = (filter: string) => (path: string) =>
    path.toLowerCase().includes(filter.trim().toLowerCase());
  // The systems' own records (`raw.…`) are many fields few people map: shown on request.
  const isRaw = (path: string) => path.split('.').includes('raw');
  const rawCount = sources.filter((field) => isRaw(field.path)).length;
  const shownSources = sources.filter(
    (field) => (showRaw || !isRaw(field.path)) && match(sourceFilter)(field.path),
  );
  const shownTargets = targets.filter(
    (field) => (showRaw || !isRaw(field.path)) && match(targetFilter)(field.path),
  );

  const write = (fields: ReturnType<typeof readMappings>) => onChange({ ...config, fields }, 'fields');
  const map = (target: string, source: string) => {
    write(setMapping(mappings, target, { kind: 'path', path: source }));
    setSelected(target);
    setPicked(null);
  };
  const selectedField = targets.find((field) => field.path === selected);

  return (
    <div
      className="ed-mapper"
      data-testid="field-mapper"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && picked) {
          event.stopPropagation();
          setPicked(null);
        }
      }}
    >
      <SampleBar entry={entry} onFetch={refetch} />
      <p className="ed-sr-only" aria-live="polite">
        {picked ? t('editor.mapper.picked', { path: picked }) : ''}
      </p>
      <div className="ed-mapper-filters">
        <input
          type="search"
          placeholder={t('editor.mapper.filterSources')}
          aria-label={t('editor.mapper.filterSources')}
          value={sourceFilter}
          onChange={(event) => setSourceFilter(event.target.value)}
        />
        <input
          type="search"
          placeholder={t('editor.mapper.filterTargets')}
          aria-label={t('editor.mapper.filterTargets')}
          value={targetFilter}
          onChange={(event) => setTargetFilter(event.target.value)}
        />
      </div>
      {rawCount > 0 && (
        <label className="checkbox ed-field-note">
          <input type="checkbox" checked={showRaw} onChange={(event) => setShowRaw(event.target.checked)} />
          {t('editor.mapper.showRaw', { count: rawCount })}
        </label>
      )}
      <div className="ed-mapper-columns" ref={columns}>
        <div className="ed-mapper-column">
          <h4>{t('editor.mapper.sourceFields')}</h4>
          {shownSources.length === 0 ? (
            <p className="ed-muted ed-pad">
              {record ? t('editor.mapper.noSourceMatch') : t('editor.mapper.noSample')}
            </p>
          ) : (
            <SourceFieldList fields={shownSources} used={used} picked={picked} onPick={setPicked} />
          )}
        </div>
        <div className="ed-mapper-column">
          <h4>{targetSchema ? t('editor.mapper.targetFields') : t('editor.mapper.outputFields')}</h4>
          <TargetFieldList
            fields={shownTargets}
            mappings={mappings}
            missing={missingSet}
            selected={selected}
            onSelect={setSelected}
            onMap={map}
            picked={picked}
          />
          <form
            className="ed-add-target"
            onSubmit={(event) => {
              event.preventDefault();
              const path = newTarget.trim();
              if (!path) return;
              setAdded((current) => [...new Set([...current, path])]);
              setSelected(path);
              setNewTarget('');
            }}
          >
            <input
              type="text"
              className="ed-mono"
              value={newTarget}
              placeholder={t('editor.mapper.newTarget')}
              aria-label={t('editor.mapper.newTarget')}
              onChange={(event) => setNewTarget(event.target.value)}
              data-testid="mapper-new-target"
            />
            <button type="submit" className="button button-secondary ed-small">
              <Plus size={13} aria-hidden="true" />
              {t('editor.mapper.addTarget')}
            </button>
          </form>
        </div>
        <MappingLines
          container={columns}
          mappings={mappings}
          selected={selected}
          version={`${sourceFilter}|${targetFilter}|${showRaw}|${shownSources.length}|${shownTargets.length}|${record ? 1 : 0}`}
        />
      </div>
      {selectedField && (
        <MappingRuleEditor
          key={selectedField.path}
          target={selectedField.path}
          required={selectedField.required}
          mapping={mappingOf(mappings, selectedField.path)}
          sources={sources}
          onSource={(source: MapSource) => write(setMapping(mappings, selectedField.path, source))}
          onCreateOnly={(value) => write(setOnCreateOnly(mappings, selectedField.path, value))}
          onRemove={() => write(removeMapping(mappings, selectedField.path))}
        />
      )}
      <MappingPreview nodeId={nodeId} configKey={JSON.stringify(config)} record={record} missing={missing} />
    </div>
  );
}
