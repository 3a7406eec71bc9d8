#!/usr/bin/env bash
# Runs the benchmark of earlier commits and of the working tree in one script on this machine, one after the
# other and alternating (which side goes first alternates too), so all see the same machine. Prints every run's figures.
#   bench/compare.sh <base-commit>[,<base-commit>...] [bench arguments, default: --eas 200 --warmup 150s --duration 30s]
# ROUNDS (default 2) sets how many times the sides alternate; EXPORTED=0 leaves out the head's run with telemetry exported
# and runs the bases with telemetry off too (where their bench knows the switch). HEAD_EXTRA="--order-batch 20" adds a
# head run (telemetry off) with those arguments as well, for an option the bases do not know.
# Each side is built in Release in its own folder; a base is checked out as a detached worktree. Every side is loaded
# by this tree's EA simulator (its fleet ramps its starts up) and measures command round trips with this tree's
# CommandProbe (an earlier probe's own polling grew with the backlog it measured), so the figures differ only by the
# system under test.
set -euo pipefail
cd "$(dirname "$0")/.."
IFS=, read -r -a bases <<< "${1:?usage: bench/compare.sh <base-commit>[,<base-commit>...] [bench arguments]}"
shift
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(--eas 200 --warmup 150s --duration 30s)
rounds=${ROUNDS:-2}
exported=${EXPORTED:-1}

work=$(mktemp -d /tmp/ngtradingbot-compare.XXXXXX)
cleanup() {
  for i in "${!bases[@]}"; do git worktree remove --force "$work/base$i" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT
build() { dotnet build -c Release "$1" -v q -nologo > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }; }

for i in "${!bases[@]}"; do
  dir="$work/base$i"
  git worktree add --detach "$dir" "${bases[$i]}" >/dev/null
  cp bench/NgTradingBot.Bench/CommandProbe.cs "$dir/bench/NgTradingBot.Bench/CommandProbe.cs"
  # This probe counts only commands created after StartMeasuring; an older FleetStep starts its probe with the
  # measured window and never calls it, so without this line the base side reports no round trip at all.
  grep -q StartMeasuring "$dir/bench/NgTradingBot.Bench/FleetStep.cs" \
    || sed -i 's/var probe = new CommandProbe(core);/var probe = new CommandProbe(core);\n        probe.StartMeasuring();/' "$dir/bench/NgTradingBot.Bench/FleetStep.cs"
  tar --exclude=bin --exclude=obj -cf - NgTradingBot.EaSimulator | tar -xf - -C "$dir"
  # The bench process (the simulated EAs) gets this tree's thread pool setting, so its spinning takes no CPU from
  # either side's services.
  grep -q UnfairSemaphoreSpinLimit "$dir/bench/NgTradingBot.Bench/NgTradingBot.Bench.csproj" \
    || sed -i 's|</Project>|  <ItemGroup>\n    <RuntimeHostConfigurationOption Include="System.Threading.ThreadPool.UnfairSemaphoreSpinLimit" Value="0" />\n  </ItemGroup>\n</Project>|' "$dir/bench/NgTradingBot.Bench/NgTradingBot.Bench.csproj"
  echo "base ${bases[$i]}: $(git -C "$dir" log -1 --format='%h %s' | cut -c1-80)"
  build "$dir/bench/NgTradingBot.Bench"
done
echo "head $(git log -1 --format='%h' HEAD) + working tree"
build bench/NgTradingBot.Bench

run() { # label, project folder, extra arguments
  echo
  echo "### $1"
  dotnet run -c Release --no-build --project "$2" -- "${args[@]}" "${@:3}" | sed -n '/^Reconciling/p;/^Orders/p;/^Fleet benchmark/,$p'
}
run_bases() {
  for i in "${!bases[@]}"; do
    dir="$work/base$i"
    base_extra=()
    [ "$exported" = 0 ] && grep -q -- '--telemetry' "$dir/bench/NgTradingBot.Bench/BenchSettings.cs" && base_extra=(--telemetry off)
    run "before (${bases[$i]}), round $1" "$dir/bench/NgTradingBot.Bench" "${base_extra[@]}"
  done
}
run_head() {
  [ "$exported" = 0 ] || run "after, telemetry exported, round $1" bench/NgTradingBot.Bench
  run "after, telemetry off, round $1" bench/NgTradingBot.Bench --telemetry off
  [ -z "${HEAD_EXTRA:-}" ] || run "after, telemetry off, $HEAD_EXTRA, round $1" bench/NgTradingBot.Bench --telemetry off ${HEAD_EXTRA}
}
# Odd rounds run the bases first, even rounds the head first: the machine drifts within a script, and a side
# always run first would always get the fresher machine.
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) = 1 ]; then run_bases "$round"; run_head "$round"; else run_head "$round"; run_bases "$round"; fi
done
