-- Accounts are MT5 logins. The API key is stored only as its SHA-256 hash.
CREATE TABLE accounts (
    id                 bigserial PRIMARY KEY,
    login              bigint      NOT NULL UNIQUE,
    broker             text        NOT NULL DEFAULT '',
    enrollment         text        NOT NULL DEFAULT 'active' CHECK (enrollment IN ('pending', 'active', 'blocked')),
    api_key_hash       bytea,
    api_key_issued_at  timestamptz,
    balance            numeric(20, 2),
    equity             numeric(20, 2),
    margin             numeric(20, 2),
    free_margin        numeric(20, 2),
    profit_today       numeric(20, 2),
    profit_week        numeric(20, 2),
    profit_month       numeric(20, 2),
    profit_year        numeric(20, 2),
    deposits_today     numeric(20, 2),
    deposits_week      numeric(20, 2),
    deposits_month     numeric(20, 2),
    deposits_year      numeric(20, 2),
    state_broker_time  bigint,
    state_updated_at   timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);

-- One row per account: the latest connection state, kept by Core from the EA's traffic.
CREATE TABLE connections (
    account_id             bigint      PRIMARY KEY REFERENCES accounts (id),
    state                  text        NOT NULL CHECK (state IN ('connected', 'stale', 'disconnected')),
    connected_at           timestamptz,
    disconnected_at        timestamptz,
    last_seen_at           timestamptz,
    last_heartbeat_at      timestamptz,
    last_tick_at           timestamptz,
    remote_address         text,
    heartbeat_count        bigint      NOT NULL DEFAULT 0,
    tick_batch_count       bigint      NOT NULL DEFAULT 0,
    broker_offset_seconds  integer,
    health_score           numeric(5, 2),
    health_reason          text,
    updated_at             timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE connection_events (
    id          bigserial   PRIMARY KEY,
    account_id  bigint      NOT NULL REFERENCES accounts (id),
    at          timestamptz NOT NULL DEFAULT now(),
    event       text        NOT NULL,
    detail      text
);
CREATE INDEX connection_events_account_at ON connection_events (account_id, at);

CREATE TABLE symbols_subscribed (
    account_id  bigint      NOT NULL REFERENCES accounts (id),
    symbol      text        NOT NULL,
    position    integer     NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, symbol)
);

CREATE TABLE broker_symbols (
    broker         text        NOT NULL,
    symbol         text        NOT NULL,
    first_seen_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (broker, symbol)
);

CREATE TABLE symbol_specs (
    broker         text            NOT NULL,
    symbol         text            NOT NULL,
    volume_min     numeric(20, 4),
    volume_max     numeric(20, 4),
    volume_step    numeric(20, 4),
    stops_level    integer,
    freeze_level   integer,
    trade_mode     integer,
    digits         integer,
    point          numeric(24, 12),
    contract_size  numeric(24, 4),
    updated_at     timestamptz     NOT NULL DEFAULT now(),
    PRIMARY KEY (broker, symbol)
);

-- The command lifecycle: PENDING -> DELIVERED -> COMPLETED | FAILED, plus EXPIRED, TIMED_OUT,
-- CANCELLED and OUTCOME_UNKNOWN (delivered, no answer, resolved later from trade updates).
CREATE TABLE commands (
    id                    text        PRIMARY KEY,
    account_id            bigint      NOT NULL REFERENCES accounts (id),
    type                  text        NOT NULL,
    priority              smallint    NOT NULL CHECK (priority BETWEEN 0 AND 3),
    status                text        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'COMPLETED', 'FAILED', 'EXPIRED', 'TIMED_OUT', 'CANCELLED', 'OUTCOME_UNKNOWN')),
    payload               jsonb       NOT NULL,
    idempotency_key       text,
    created_by            text,
    created_at            timestamptz NOT NULL DEFAULT now(),
    expires_at            timestamptz NOT NULL,
    delivered_at          timestamptz,
    delivered_via         text,
    response_due_at       timestamptz,
    finished_at           timestamptz,
    response_status       text,
    response              jsonb,
    ticket                bigint,
    attempts              integer     NOT NULL DEFAULT 0,
    UNIQUE (account_id, idempotency_key)
);
CREATE INDEX commands_account_status ON commands (account_id, status, priority, created_at);
CREATE INDEX commands_open ON commands (status) WHERE status IN ('PENDING', 'DELIVERED', 'OUTCOME_UNKNOWN');

CREATE TABLE command_events (
    id           bigserial   PRIMARY KEY,
    command_id   text        NOT NULL REFERENCES commands (id),
    at           timestamptz NOT NULL DEFAULT now(),
    from_status  text,
    to_status    text        NOT NULL,
    detail       jsonb
);
CREATE INDEX command_events_command ON command_events (command_id, at);

-- Positions as the EA reports them; tickets are unique per account, not globally.
CREATE TABLE trades (
    account_id         bigint          NOT NULL REFERENCES accounts (id),
    ticket             bigint          NOT NULL,
    symbol             text            NOT NULL,
    direction          text            NOT NULL CHECK (direction IN ('BUY', 'SELL')),
    volume             numeric(20, 4)  NOT NULL,
    open_price         numeric(24, 8),
    open_time_broker   bigint,
    close_price        numeric(24, 8),
    close_time_broker  bigint,
    sl                 numeric(24, 8),
    tp                 numeric(24, 8),
    profit             numeric(20, 2),
    commission         numeric(20, 2),
    swap               numeric(20, 2),
    status             text            NOT NULL CHECK (status IN ('open', 'closed')),
    close_reason       text,
    source             text,
    command_id         text            REFERENCES commands (id),
    first_seen_at      timestamptz     NOT NULL DEFAULT now(),
    updated_at         timestamptz     NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, ticket)
);
CREATE INDEX trades_open ON trades (account_id) WHERE status = 'open';

-- Ticks: broker time as sent, and the UTC estimate derived from the broker offset.
CREATE TABLE ticks (
    account_id   bigint          NOT NULL REFERENCES accounts (id),
    symbol       text            NOT NULL,
    bid          numeric(24, 8)  NOT NULL,
    ask          numeric(24, 8)  NOT NULL,
    volume       bigint          NOT NULL DEFAULT 0,
    broker_time  bigint          NOT NULL,
    tick_time    timestamptz     NOT NULL,
    received_at  timestamptz     NOT NULL DEFAULT now()
);
CREATE INDEX ticks_symbol_time ON ticks (symbol, tick_time);
CREATE INDEX ticks_account_time ON ticks (account_id, tick_time);

CREATE TABLE ohlc_bars (
    broker            text            NOT NULL,
    symbol            text            NOT NULL,
    timeframe         text            NOT NULL CHECK (timeframe IN ('M1', 'M5', 'M15', 'H1', 'H4', 'D1')),
    open_time_broker  bigint          NOT NULL,
    open              numeric(24, 8)  NOT NULL,
    high              numeric(24, 8)  NOT NULL,
    low               numeric(24, 8)  NOT NULL,
    close             numeric(24, 8)  NOT NULL,
    volume            bigint          NOT NULL,
    received_at       timestamptz     NOT NULL DEFAULT now(),
    PRIMARY KEY (broker, symbol, timeframe, open_time_broker)
);

-- Non-trading deals (deposits, withdrawals, fees); the EA re-sends its whole history after each restart.
CREATE TABLE account_transactions (
    account_id        bigint          NOT NULL REFERENCES accounts (id),
    ticket            bigint          NOT NULL,
    transaction_type  text            NOT NULL,
    amount            numeric(20, 2)  NOT NULL,
    broker_time       bigint          NOT NULL,
    comment           text            NOT NULL DEFAULT '',
    balance           numeric(20, 2),
    received_at       timestamptz     NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, ticket)
);

CREATE TABLE ea_logs (
    id           bigserial   PRIMARY KEY,
    account_id   bigint      NOT NULL REFERENCES accounts (id),
    level        text        NOT NULL,
    message      text        NOT NULL,
    details      text,
    received_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ea_logs_account_time ON ea_logs (account_id, received_at);

CREATE TABLE audit_events (
    id          bigserial   PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor       text        NOT NULL,
    action      text        NOT NULL,
    account_id  bigint      REFERENCES accounts (id),
    subject     text,
    data        jsonb
);
CREATE INDEX audit_events_at ON audit_events (at);

-- Ingest messages already stored, so a redelivered stream entry (consumer died before acknowledging) is not applied twice.
CREATE TABLE ingest_receipts (
    message_id    text        PRIMARY KEY,
    processed_at  timestamptz NOT NULL DEFAULT now()
);
