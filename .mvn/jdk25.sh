# Sourced by ./mvnw and the scripts: picks a JDK 25 or stops with one line.
# Order: JAVA_HOME if it is 25 or newer, else the newest /usr/lib/jvm/*25* that has bin/javac.
newsdesk_jdk_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'; }
newsdesk_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    v=$(newsdesk_jdk_major "$JAVA_HOME"); [ "${v:-0}" -ge 25 ] 2>/dev/null && return 0
  fi
  for d in $(find /usr/lib/jvm -maxdepth 1 -mindepth 1 \( -name "*25*" -o -name "*-2[6-9]-*" \) 2>/dev/null | sort -r); do
    if [ -x "$d/bin/javac" ]; then JAVA_HOME="$d"; export JAVA_HOME; return 0; fi
  done
  echo "newsdesk: no JDK 25 found (JAVA_HOME is '${JAVA_HOME-}'); install one (apt-get install temurin-25-jdk) or set JAVA_HOME to it" >&2
  exit 1
}
newsdesk_find_jdk
