# Wine for building and testing the Windows app on Debian: sourced by build.sh and by the
# tests (tests/windows/wine.py reads the same variables). Test harness only: nothing here
# goes into the app.
#
# Wine 8.0 has gaps that a Windows machine does not (see README, "Windows"); what gets
# past each lives in the Wine prefix, never in the built folder:
#  - WMI (wbemprox) aborts Python's platform module: disabled, with the Mono and Gecko
#    installers' prompts (mscoree, mshtml);
#  - Wine's background processes inherit the first process's stdout: a persistent
#    wineserver is started first with its output detached (wine_start);
#  - a Windows process whose stdout is a regular file dies in CPython's start-up
#    (WinError 6): wine_run always gives it a pipe.

WINDOWS_CACHE=${FACILITATOR_WINDOWS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/facilitator-windows}
export WINEPREFIX=$WINDOWS_CACHE/prefix
export WINEARCH=win64
export WINEDEBUG=${WINEDEBUG:--all}
export WINEDLLOVERRIDES="mscoree,mshtml,wbemprox="

# host pip settings name Linux paths; the Windows pip must not see them
wine_env=(env -u PIP_FIND_LINKS -u PIP_CERT -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL
  -u PIP_CONFIG_FILE -u PYTHONPATH -u PYTHONHOME)

wine_start() {
  # a wineserver that stays, and the prefix's services started with their output detached
  (setsid wineserver -p </dev/null >/dev/null 2>&1 &)
  setsid wine wineboot --init </dev/null >/dev/null 2>&1
}

wine_stop() {
  wineserver -k 2>/dev/null || true
  wineserver -w 2>/dev/null || true
}

wine_run() {
  # stdout and stderr through a pipe, whatever the caller redirects them to
  # and stdin from /dev/null: with none (CI has none), CPython dies at start likewise
  "${wine_env[@]}" wine "$@" </dev/null 2>&1 | cat
}
