# shellcheck shell=bash disable=SC2034  # sets variables for the scripts that source it
# The Elasticsearch + Nori yardstick ($shared/tools/lucene-nori/nori: Lucene 8's KoreanAnalyzer
# with BM25, from Debian packages) for the measurement scripts. Sourced after measure.sh (it
# uses $shared and die). Java is for measuring only: nothing in Sinmun or its test suite needs it.
#
# Sets nori ($SINMUN_NORI, else the peer in the shared tools) and kNoriPackages.
nori="${SINMUN_NORI:-$shared/tools/lucene-nori/nori}"
readonly kNoriPackages=(liblucene8-java libjackson2-core-java default-jdk-headless)

# nori_probe: returns 0 when the yardstick runs here, else 1 with the reason in nori_why. A real
# run (analyzing one word) rather than a look for java: it also compiles the peer once into its
# cache, so that no later timed `nori index` pays for javac.
nori_probe() {
  local err
  nori_why=""
  if [[ ! -x "$nori" ]]; then
    nori_why="$nori not found (set SINMUN_NORI or put the shared tools beside the checkout)"
    return 1
  fi
  if ! err="$("$nori" analyze 한국 2>&1 >/dev/null)"; then
    # The peer's own message names what is missing (a jar, javac), but a missing jar does not
    # stop it: javac's or java's errors follow, so its line is looked for first.
    nori_why="$(printf '%s\n' "$err" | grep -m1 '^lucene-nori:' || printf '%s\n' "$err" | tail -1)"
    nori_why="${nori_why:-$nori analyze failed}"
    return 1
  fi
}

# nori_install: installs the missing kNoriPackages with apt-get (as root only; dies otherwise).
# Never called unless a script's user asked for it.
nori_install() {
  local missing=() package
  for package in "${kNoriPackages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$package")
  done
  ((${#missing[@]})) || return 0
  [[ $(id -u) -eq 0 ]] || die "installing ${missing[*]} needs root (or: apt-get install ${missing[*]})"
  echo "installing ${missing[*]} for the Nori yardstick" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
