#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster for the storage tests and prints, as its last stdout line,
# the export line that points CTEM_TEST_POSTGRES at it. Safe to run again: a server already
# answering on the port is reused.
set -euo pipefail

port="${CTEM_PG_PORT:-54329}"
password="${CTEM_PG_PASSWORD:-ctem-test}"
export_line="export CTEM_TEST_POSTGRES='Host=127.0.0.1;Port=${port};Username=postgres;Password=${password};Database=postgres'"

find_bin_dir() {
    # The newest real server binaries; /usr/local/bin may hold wrappers that behave differently.
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
        echo "$dir"
    fi
}

bin_dir="$(find_bin_dir)"
if [[ -z "$bin_dir" ]]; then
    echo "installing PostgreSQL from Debian packages" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql-15 >&2 || apt-get install -y -qq postgresql >&2
    bin_dir="$(find_bin_dir)"
fi
if [[ -z "$bin_dir" ]]; then
    echo "no PostgreSQL server binaries found under /usr/lib/postgresql" >&2
    exit 1
fi

if "$bin_dir/pg_isready" -q -h 127.0.0.1 -p "$port"; then
    echo "PostgreSQL already running on 127.0.0.1:${port}" >&2
    echo "$export_line"
    exit 0
fi

run_as_postgres() {
    if [[ "$(id -un)" == "postgres" ]]; then
        "$@"
    else
        # runuser keeps the environment minimal and needs no password, unlike su.
        runuser -u postgres -- "$@"
    fi
}

base_dir="$(mktemp -d -t ctem-pg.XXXXXX)"
data_dir="$base_dir/data"
pw_file="$base_dir/pwfile"
printf '%s\n' "$password" > "$pw_file"
chown -R postgres:postgres "$base_dir"
chmod 700 "$base_dir"

run_as_postgres "$bin_dir/initdb" -D "$data_dir" -U postgres -A scram-sha-256 --pwfile="$pw_file" \
    --encoding=UTF8 --locale=C.UTF-8 >&2
rm -f "$pw_file"

# The socket directory lives in the temp dir so no system directory (/var/run/postgresql) is needed.
run_as_postgres "$bin_dir/pg_ctl" -D "$data_dir" -l "$base_dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p ${port} -k ${base_dir} -c fsync=off -c max_connections=200" start >&2

for _ in $(seq 1 60); do
    if "$bin_dir/pg_isready" -q -h 127.0.0.1 -p "$port"; then
        echo "PostgreSQL running on 127.0.0.1:${port}, data in ${data_dir}" >&2
        echo "$export_line"
        exit 0
    fi
    sleep 1
done

echo "PostgreSQL did not become ready; log follows" >&2
cat "$base_dir/server.log" >&2
exit 1
