-- Every connect issues a new key. The previous one stays valid for a grace period, so requests the
-- EA already sent with it (or a connect answer lost on the way) do not lock the EA out.
ALTER TABLE accounts
    ADD COLUMN previous_api_key_hash     bytea,
    ADD COLUMN previous_key_valid_until  timestamptz;

-- Dead letters: ingest entries that can never be stored (unparseable, unknown account, not the owner
-- of the command, ...). They are acknowledged so they do not block the stream, and kept here whole so
-- they can be inspected and replayed after a fix.
CREATE TABLE ingest_failures (
    id          bigserial   PRIMARY KEY,
    message_id  text        NOT NULL,
    kind        text        NOT NULL,
    account_id  bigint,
    error       text        NOT NULL,
    payload     bytea       NOT NULL,
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ingest_failures_at ON ingest_failures (at);

-- What each stored message did, for "what happened to entry X?"; old receipts are deleted after a
-- retention period (they only guard against re-applying entries that were never acknowledged).
ALTER TABLE ingest_receipts
    ADD COLUMN kind     text,
    ADD COLUMN effects  jsonb;
CREATE INDEX ingest_receipts_processed_at ON ingest_receipts (processed_at);

-- The exact flat JSON object the EA receives, written once when the command is created, so a command
-- re-enqueued after a Redis failure is byte-identical to the original.
ALTER TABLE commands ADD COLUMN flat_json text;

-- Trade updates link a ticket to the OPEN_TRADE command whose response carried it.
CREATE INDEX commands_ticket ON commands (account_id, ticket) WHERE ticket IS NOT NULL;

-- Coverage questions without an account (the EA's coverage request carries none) look bars up by symbol.
CREATE INDEX ohlc_bars_symbol ON ohlc_bars (symbol, timeframe, open_time_broker);
