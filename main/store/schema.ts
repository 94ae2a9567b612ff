/**
 * The database schema, one step per `user_version`. Never edit a shipped step: add the next one.
 * Times are milliseconds since 1970 (UTC); payloads are JSON text.
 */
export const schemaSteps: readonly string[] = [
  // 1: runs, items, attempts, events, ledger, intents, cursors, locks, schedule state.
  `
  CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    flow_id TEXT NOT NULL,
    flow_name TEXT NOT NULL,
    flow_revision INTEGER NOT NULL,
    flow_json TEXT NOT NULL,
    trigger TEXT NOT NULL,
    parent_run_id TEXT,
    dry_run INTEGER NOT NULL,
    status TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    finished_at INTEGER,
    owner TEXT NOT NULL,
    total INTEGER NOT NULL DEFAULT 0,
    succeeded INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    error_code TEXT,
    error_message TEXT,
    last_seq INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX runs_by_flow ON runs (flow_id, started_at DESC);
  CREATE INDEX runs_by_start ON runs (started_at DESC);
  CREATE INDEX runs_by_status ON runs (status, started_at DESC);
  CREATE INDEX runs_by_finish ON runs (finished_at);

  CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    item_key TEXT NOT NULL,
    status TEXT NOT NULL,
    node_id TEXT,
    reason TEXT,
    error_json TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    order_number TEXT,
    email TEXT COLLATE NOCASE,
    sku TEXT,
    action TEXT,
    target_ids TEXT,
    retry_of INTEGER,
    root_id INTEGER NOT NULL,
    source_json TEXT,
    input_json TEXT,
    mapped_json TEXT,
    request_json TEXT,
    response_json TEXT,
    erased INTEGER NOT NULL DEFAULT 0,
    started_at INTEGER NOT NULL,
    finished_at INTEGER
  );
  CREATE INDEX items_by_run ON items (run_id, id);
  CREATE INDEX items_failed_by_run ON items (run_id, id) WHERE status = 'failed';
  CREATE INDEX items_by_key ON items (item_key);
  CREATE INDEX items_by_order ON items (order_number) WHERE order_number IS NOT NULL;
  CREATE INDEX items_by_email ON items (email) WHERE email IS NOT NULL;
  CREATE INDEX items_by_sku ON items (sku) WHERE sku IS NOT NULL;

  CREATE TABLE attempts (
    id INTEGER PRIMARY KEY,
    root_id INTEGER NOT NULL,
    item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    run_id TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    node_id TEXT,
    status TEXT NOT NULL,
    error_json TEXT,
    started_at INTEGER NOT NULL,
    finished_at INTEGER
  );
  CREATE INDEX attempts_by_root ON attempts (root_id, id);
  CREATE INDEX attempts_by_item ON attempts (item_id);

  CREATE TABLE events (
    run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    item_id INTEGER,
    body TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
  ) WITHOUT ROWID;

  CREATE TABLE ledger (
    flow_id TEXT NOT NULL,
    node_id TEXT NOT NULL,
    source_key TEXT NOT NULL,
    target_ids TEXT NOT NULL,
    payload_hash TEXT NOT NULL,
    run_id TEXT,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (flow_id, node_id, source_key)
  ) WITHOUT ROWID;

  CREATE TABLE intents (
    flow_id TEXT NOT NULL,
    node_id TEXT NOT NULL,
    source_key TEXT NOT NULL,
    run_id TEXT NOT NULL,
    item_id INTEGER NOT NULL,
    mode TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    reference TEXT NOT NULL,
    payload_hash TEXT NOT NULL,
    request_json TEXT NOT NULL,
    existing_json TEXT,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (flow_id, node_id, source_key)
  ) WITHOUT ROWID;

  CREATE TABLE cursors (
    flow_id TEXT NOT NULL,
    node_id TEXT NOT NULL,
    value_json TEXT NOT NULL,
    run_id TEXT,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (flow_id, node_id)
  ) WITHOUT ROWID;

  CREATE TABLE flow_locks (
    flow_id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL,
    owner TEXT NOT NULL,
    host TEXT NOT NULL,
    pid INTEGER NOT NULL,
    acquired_at INTEGER NOT NULL,
    heartbeat_at INTEGER NOT NULL
  );

  CREATE TABLE schedule_state (
    flow_id TEXT PRIMARY KEY,
    last_due_at INTEGER,
    last_run_id TEXT,
    updated_at INTEGER NOT NULL
  );

  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  // 2: a skipped item's reasons as codes (JSON), for the screens to word in the user's language.
  `
  ALTER TABLE items ADD COLUMN reasons_json TEXT;
  `,
  // 3: a run's error as a code (JSON), beside its English message.
  `
  ALTER TABLE runs ADD COLUMN error_text_json TEXT;
  `,
  // 4: order numbers and SKUs are searched without case, as e-mails are ("o2026-000001").
  `
  DROP INDEX items_by_order;
  DROP INDEX items_by_sku;
  CREATE INDEX items_by_order ON items (order_number COLLATE NOCASE) WHERE order_number IS NOT NULL;
  CREATE INDEX items_by_sku ON items (sku COLLATE NOCASE) WHERE sku IS NOT NULL;
  `,
  // 5: the runs that retried a run, for its page ("retried in a later run").
  `
  CREATE INDEX runs_by_parent ON runs (parent_run_id, started_at) WHERE parent_run_id IS NOT NULL;
  `,
  // 6: the making lock across processes (making-claims.ts): who makes a record now, what was made.
  `
  CREATE TABLE making_claims (
    key_hash TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    host TEXT NOT NULL,
    pid INTEGER NOT NULL,
    claimed_at INTEGER NOT NULL
  );
  CREATE TABLE made_records (
    key_hash TEXT PRIMARY KEY,
    target_id TEXT NOT NULL,
    made_at INTEGER NOT NULL
  );
  CREATE INDEX made_records_by_time ON made_records (made_at);
  `,
  // 7: records waiting for another record (a product, an order) that the next runs offer again.
  `
  CREATE TABLE waiting (
    flow_id TEXT NOT NULL,
    item_key TEXT NOT NULL,
    node_id TEXT NOT NULL,
    key_json TEXT NOT NULL,
    record_json TEXT NOT NULL,
    business_keys_json TEXT NOT NULL,
    reasons_json TEXT NOT NULL,
    item_id INTEGER NOT NULL,
    since INTEGER NOT NULL,
    checked_at INTEGER NOT NULL,
    PRIMARY KEY (flow_id, item_key)
  );
  CREATE INDEX waiting_by_since ON waiting (since);
  `,
  // 8: a run's log lines without reading its item events (the run page's "Worth a look").
  `
  CREATE INDEX events_logs ON events (run_id, seq) WHERE type = 'log';
  `,
  // 9: a cancel asked for by another process (the app's window, for a run `koppel run` makes).
  `
  ALTER TABLE flow_locks ADD COLUMN cancel_requested_at INTEGER;
  `,
];
