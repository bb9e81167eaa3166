#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what the tests need, builds, tests.
# Prints dotnet test's own summary; .ci/run turns it into one "tests: N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v npm >/dev/null 2>&1 || need_apt+=(npm)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing ${need_apt[*]} for the browser tests..."
  if [ "$(id -u)" -eq 0 ]; then sudo_cmd=(); else sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# A test still running after two minutes is named every two minutes (xunit.runner.json), and one that hangs is
# stopped after fifteen minutes (the publishing test gives up on its own after twelve): the run then
# fails and names it, instead of waiting for a CI time limit with nothing said.
dotnet test Graph.sln -c Release --nologo --blame-hang-timeout 15m --blame-hang-dump-type none "$@"
