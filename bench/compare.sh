#!/usr/bin/env bash
# Runs the fleet benchmark of an earlier commit and of the working tree in one script on this machine, one
# after the other and alternating, so both see the same machine. Prints every run's table.
#   bench/compare.sh <base-commit> [bench arguments, default: --eas 200 --warmup 150s --duration 30s]
# ROUNDS (default 2) sets how many times the sides alternate; EXPORTED=0 leaves out the head's run with telemetry exported
# and runs the base with telemetry off too.
# Each side is built in Release in its own folder; the base is checked out as a detached worktree. Both sides
# are loaded by this tree's EA simulator (its fleet ramps its starts up) and measure command round trips with
# this tree's CommandProbe (an earlier probe's own polling grew with the backlog it measured), so the figures
# differ only by the system under test.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: bench/compare.sh <base-commit> [bench arguments]}
shift
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(--eas 200 --warmup 150s --duration 30s)
rounds=${ROUNDS:-2}
exported=${EXPORTED:-1}

work=$(mktemp -d /tmp/ngtradingbot-compare.XXXXXX)
trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add --detach "$work/base" "$base" >/dev/null
cp bench/NgTradingBot.Bench/CommandProbe.cs "$work/base/bench/NgTradingBot.Bench/CommandProbe.cs"
# This probe counts only commands created after StartMeasuring; an older FleetStep starts its probe with the
# measured window and never calls it, so without this line the base side reports no round trip at all.
grep -q StartMeasuring "$work/base/bench/NgTradingBot.Bench/FleetStep.cs" \
  || sed -i 's/var probe = new CommandProbe(core);/var probe = new CommandProbe(core);\n        probe.StartMeasuring();/' "$work/base/bench/NgTradingBot.Bench/FleetStep.cs"
tar --exclude=bin --exclude=obj -cf - NgTradingBot.EaSimulator | tar -xf - -C "$work/base"
echo "base $(git -C "$work/base" log -1 --format='%h %s' | cut -c1-80)"
echo "head $(git log -1 --format='%h' HEAD) + working tree"

build() { dotnet build -c Release "$1" -v q -nologo > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }; }
build "$work/base/bench/NgTradingBot.Bench"
build bench/NgTradingBot.Bench

run() { # label, project folder, extra arguments
  echo
  echo "### $1"
  dotnet run -c Release --no-build --project "$2" -- "${args[@]}" "${@:3}" | sed -n '/^Reconciling/p;/^Orders/p;/^Fleet benchmark/,$p'
}
# With EXPORTED=0 both sides run with telemetry off, where the base's bench knows the switch.
base_extra=()
[ "$exported" = 0 ] && grep -q -- '--telemetry' "$work/base/bench/NgTradingBot.Bench/BenchSettings.cs" && base_extra=(--telemetry off)
for round in $(seq 1 "$rounds"); do
  run "before ($base), round $round" "$work/base/bench/NgTradingBot.Bench" "${base_extra[@]}"
  [ "$exported" = 0 ] || run "after, telemetry exported, round $round" bench/NgTradingBot.Bench
  run "after, telemetry off, round $round" bench/NgTradingBot.Bench --telemetry off
done
