#!/bin/sh
# Runs "$@" and turns the orchestrator's SIGTERM into SIGINT, PostgreSQL's fast shutdown: SIGTERM alone is
# its smart shutdown, which waits for every client to leave, and the orchestrator kills it seconds later.
# PostgreSQL writes every log line to stderr, which the dashboard shows as errors; each line names its own
# severity (LOG, WARNING, ERROR, FATAL), so it goes to stdout.
"$@" 2>&1 &
child=$!
trap 'kill -INT "$child" 2>/dev/null' TERM INT
wait "$child"
status=$?
# wait returns early when a trapped signal arrives; wait again for the server's own exit.
while kill -0 "$child" 2>/dev/null; do
  wait "$child"
  status=$?
done
exit "$status"
