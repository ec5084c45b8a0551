#!/usr/bin/env bash
# Checks the Docker files without a Docker engine: the compose file validates (Debian's docker-compose,
# installed if missing), the Dockerfile passes dockerfile-utils' linter (from npm, pinned), nginx accepts
# docker/nginx.conf (nginx installed if missing; the node host names are pointed at 127.0.0.1 for the test, and
# 'resolve', which Debian's older nginx lacks, is left out), and shellcheck passes the scripts.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_install() {
  if [ "$(id -u)" = 0 ]; then
    local log
    log=$(mktemp)
    # RUNLEVEL=1: a package's service (nginx) is installed, not started
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 \
        apt-get install -y -qq --no-install-recommends "$@"; } >"$log" 2>&1; then
      cat "$log" >&2
      echo "compose-check: cannot install $*" >&2
      exit 1
    fi
    rm -f "$log"
  else
    echo "compose-check: $* missing and not root: install it (apt-get install $*)" >&2
    exit 1
  fi
}

command -v docker-compose >/dev/null || apt_install docker-compose
docker-compose -f docker/compose.yml config -q
echo "compose-check: docker/compose.yml is valid ($(docker-compose version --short))"

lint_dir=${NEWSDESK_LINT_DIR:-${TMPDIR:-/tmp}/newsdesk-dockerfile-utils}
if [ ! -x "$lint_dir/node_modules/.bin/dockerfile-utils" ]; then
  npm install --prefix "$lint_dir" --no-audit --no-fund --loglevel=error dockerfile-utils@0.16.3 >/dev/null
fi
out=$("$lint_dir/node_modules/.bin/dockerfile-utils" lint docker/Dockerfile 2>&1) || { echo "$out" >&2; exit 1; }
if [ -n "$out" ]; then echo "$out" >&2; echo "compose-check: docker/Dockerfile has lint findings" >&2; exit 1; fi
echo "compose-check: docker/Dockerfile passes dockerfile-utils 0.16.3 lint"

command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || apt_install nginx-light
conf_dir=$(mktemp -d)
trap 'rm -rf "$conf_dir"' EXIT
sed -e 's/newsdesk-[ab]:8080 resolve/127.0.0.1:8080/' docker/nginx.conf > "$conf_dir/nginx.conf"
grep -q 'server 127.0.0.1:8080 max_fails' "$conf_dir/nginx.conf" \
  || { echo "compose-check: docker/nginx.conf has no 'server newsdesk-a:8080 resolve ...' lines to test" >&2; exit 1; }
PATH=$PATH:/usr/sbin nginx -q -t -c "$conf_dir/nginx.conf" -g "pid $conf_dir/nginx.pid; error_log stderr;"
echo "compose-check: docker/nginx.conf passes nginx -t"

command -v shellcheck >/dev/null || apt_install shellcheck
shellcheck docker/publish-model.sh .ci/compose-check.sh
echo "compose-check: docker/publish-model.sh and .ci/compose-check.sh pass shellcheck"
