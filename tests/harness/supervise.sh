#!/bin/sh
# Runs one test server and makes sure it dies with the Node process that started it.
#
# Usage: sh supervise.sh CLEANUP_DIR COMMAND [ARG]...
#
# Node starts this script in a process group of its own (spawn `detached: true`), with a pipe
# on standard input that it never writes to. There are three ways out:
#
# - Node stops the server: it sends TERM to this shell, which passes it on to the server,
#   waits for it and exits with its status. Node then removes CLEANUP_DIR itself.
# - The server exits on its own (for example its port was taken): we exit with its status;
#   Node sees it and may try again on another port.
# - The Node process dies, even by SIGKILL, where no exit handler runs: the kernel closes the
#   pipe, the watcher reads end-of-file, and we stop the server as above and remove
#   CLEANUP_DIR ourselves, since nobody else will.
#
# Why a shell and not prctl(PR_SET_PDEATHSIG): Node cannot call prctl, `setpriv --pdeathsig`
# only reaches the direct child (not Apache's worker processes), and the signal fires when the
# parent *thread* exits. The pipe is closed by the kernel whatever the way the parent dies.
set -u
cleanup_dir=$1
shift

server=
orphaned=false
stop_server() {
  if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null; fi
}
trap 'stop_server' TERM INT HUP
trap 'orphaned=true; stop_server' USR1

# Keep Node's pipe on fd 3 for the watcher; the server reads /dev/null.
exec 3<&0 0</dev/null

"$@" 3<&- &
server=$!

# The watcher: `read` is a shell builtin, so this subshell stays one process, blocked until
# the pipe reaches end-of-file. In a subshell, $$ is still the pid of this script.
(
  while read -r _ <&3; do :; done
  kill -USR1 $$
) >/dev/null 2>&1 &
watcher=$!
exec 3<&-

# `wait` returns early when a trapped signal arrives: wait again until the server is gone.
status=0
while :; do
  wait "$server"
  status=$?
  kill -0 "$server" 2>/dev/null || break
done

kill "$watcher" 2>/dev/null
wait "$watcher" 2>/dev/null

if [ "$orphaned" = true ]; then rm -rf -- "$cleanup_dir"; fi
exit "$status"
